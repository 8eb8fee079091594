import { createHash } from "node:crypto";

/** Keys that may be personal (emails) are stored hashed. */
function hashKey(value: string): string {
  return createHash("sha256").update(value).digest("base64url").slice(0, 32);
}

/**
 * The mailbox an address delivers to, as far as a limit can tell: lower case,
 * without a `+tag` (`ann+x@example.com` is `ann@example.com`), and for Gmail
 * without dots (`a.n.n@googlemail.com` is `ann@gmail.com`). Only limit keys are
 * folded; the address stored and written to stays exactly as given.
 */
export function foldEmail(email: string): string {
  const address = email.normalize("NFKC").trim().toLowerCase();
  const at = address.lastIndexOf("@");
  if (at <= 0) return address;
  let local = address.slice(0, at);
  let domain = address.slice(at + 1);
  const plus = local.indexOf("+");
  if (plus > 0) local = local.slice(0, plus);
  // Gmail ignores dots in the local part, and googlemail.com is gmail.com.
  if (domain === "gmail.com" || domain === "googlemail.com") {
    domain = "gmail.com";
    local = local.replaceAll(".", "") || local;
  }
  return `${local}@${domain}`;
}

/** The key every per-address limit counts under: the folded address, hashed. */
export function emailKey(email: string): string {
  return hashKey(foldEmail(email));
}
