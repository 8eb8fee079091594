// No `server-only`: pure text helpers for /admin/jobs, unit-tested.

/** "alice@example.com" → "a•••@example.com": enough to recognise a recipient, not to harvest one. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf("@");
  if (at < 1) return "•••";
  return `${address[0]}•••${address.slice(at)}`;
}

const EMAIL = /[^\s<>"'(),;:@]+@[^\s<>"'(),;:@]+\.[^\s<>"'(),;:@]+/g;

/** A job's last error as staff see it: its first line, at most 300 characters, every email address in it masked. */
export function errorLine(error: string | null): string | null {
  if (!error) return null;
  const line = (error.split("\n").find((part) => part.trim()) ?? "").trim().replace(EMAIL, (found) => maskEmail(found));
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}
