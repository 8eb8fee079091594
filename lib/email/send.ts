import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

/**
 * Outgoing email over real SMTP (EMAIL_SERVER). Without it, in development
 * (or a local `npm start`), messages are printed to the server log instead.
 *
 * The app imports this through `@/lib/email` (server-only); command-line
 * scripts such as `npm run digest` import this file directly.
 */

export type Email = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers, e.g. List-Unsubscribe. */
  headers?: Record<string, string>;
};

export type EmailMode = "smtp" | "log" | "disabled";

export function emailMode(): EmailMode {
  if (env.EMAIL_SERVER) return "smtp";
  const logLinks = env.EMAIL_LOG_LINKS ? env.EMAIL_LOG_LINKS === "true" : env.NODE_ENV !== "production";
  return logLinks ? "log" : "disabled";
}

let transport: Transporter | undefined;

export async function sendEmail(email: Email): Promise<void> {
  const mode = emailMode();
  if (mode === "disabled") throw new Error("Email is not configured: set EMAIL_SERVER.");
  if (mode === "log") {
    const rule = "━".repeat(72);
    const headers = Object.entries(email.headers ?? {}).map(([name, value]) => `\n   ${name}: ${value}`).join("");
    console.log(
      `\n${rule}\n✉  EMAIL (not sent: EMAIL_SERVER is not set)\n   To: ${email.to}\n   Subject: ${email.subject}${headers}\n\n${email.text
        .split("\n")
        .map((line) => `   ${line}`)
        .join("\n")}\n${rule}\n`,
    );
    return;
  }
  transport ??= nodemailer.createTransport(env.EMAIL_SERVER);
  await transport.sendMail({ from: env.EMAIL_FROM, ...email });
}
