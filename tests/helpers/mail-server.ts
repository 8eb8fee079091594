import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server for tests: it accepts every message and writes it as JSON
 * ({ to, subject, text, html }) into `dir`, where tests read it. While
 * `refuse()` answers true it refuses every recipient (451, "try again later"),
 * as a mail server that is down for maintenance does. While `stall(to)` answers
 * true it reads a message and does not answer it: the sender waits mid-send
 * until `releaseStalled()` accepts what was held (a sender that died meanwhile
 * never learns it was accepted).
 */
export async function startMailServer(
  dir: string,
  options: { refuse?: () => boolean; stall?: (to: string[]) => boolean } = {},
): Promise<{ url: string; close: () => Promise<void>; stalled: () => number; releaseStalled: () => Promise<void> }> {
  await mkdir(dir, { recursive: true });
  let count = 0;
  const held: { message: Promise<Buffer>; callback: (error?: Error | null) => void }[] = [];
  const save = async (source: Buffer | NodeJS.ReadableStream) => {
    const mail = await simpleParser(source as Buffer);
    const to = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) => a.value.map((v) => v.address));
    const file = path.join(dir, `${Date.now()}-${process.pid}-${count++}.json`);
    await writeFile(`${file}.tmp`, JSON.stringify({ to, subject: mail.subject, text: mail.text, html: mail.html || null, headers: Object.fromEntries(mail.headers), headerLines: mail.headerLines.map((h) => h.line) }));
    // Renamed into place only once complete, so a reader never sees half a message.
    await rename(`${file}.tmp`, file);
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (!options.refuse?.()) return callback();
      callback(Object.assign(new Error("Mail service down for maintenance, try again later"), { responseCode: 451 }));
    },
    onData(stream, session, callback) {
      if (options.stall?.(session.envelope.rcptTo.map((rcpt) => rcpt.address))) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        held.push({ message: new Promise((resolve) => stream.on("end", () => resolve(Buffer.concat(chunks)))), callback });
        return;
      }
      save(stream).then(() => callback(), (error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
    stalled: () => held.length,
    async releaseStalled() {
      for (const { message, callback } of held.splice(0)) {
        await save(await message);
        callback();
      }
    },
  };
}

export type ReceivedMail = { to: string[]; subject: string; text: string; html: string | null; headerLines?: string[] };

/** A raw header's value as sent ("List-Unsubscribe" → "<https://…>"), unfolded; undefined when absent. */
export function mailHeader(mail: ReceivedMail, name: string): string | undefined {
  const prefix = `${name.toLowerCase()}:`;
  const line = mail.headerLines?.find((l) => l.toLowerCase().startsWith(prefix));
  return line?.slice(prefix.length).replace(/\r?\n[ \t]+/g, " ").trim();
}

/** Waits for the newest message to `address` (case-insensitive) in `dir`. */
export async function waitForMail(dir: string, address: string, options: { after?: number; timeoutMs?: number } = {}): Promise<ReceivedMail> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  const wanted = address.toLowerCase();
  while (Date.now() < deadline) {
    const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith(".json")).sort().reverse();
    for (const file of files) {
      if (options.after && Number(file.split("-")[0]) < options.after) continue;
      const mail = JSON.parse(await readFile(path.join(dir, file), "utf8")) as ReceivedMail;
      if (mail.to.some((to) => to.toLowerCase() === wanted)) return mail;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No email to ${address} within ${options.timeoutMs ?? 10_000} ms`);
}
