import { site } from "@/lib/site/config";
import type { Email } from "@/lib/email";

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);

/** The sign-in email: a single-use link, valid until `expires`. */
export function magicLinkEmail(to: string, url: string, expires: Date): Email {
  const minutes = Math.max(1, Math.round((expires.getTime() - Date.now()) / 60_000));
  const hours = Math.round(minutes / 60);
  const validity = minutes >= 60 ? `${hours} hour${hours === 1 ? "" : "s"}` : `${minutes} minute${minutes === 1 ? "" : "s"}`;
  return {
    to,
    subject: `Sign in to ${site.name}`,
    text: `Sign in to ${site.name} with this link:\n\n${url}\n\nIt works once and expires in ${validity}. If you did not ask for it, ignore this email.`,
    html: `<!doctype html><html><body style="margin:0;background:#f5f5f4;font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#1c1917">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:40px 16px">
<table role="presentation" width="100%" style="max-width:480px;background:#ffffff;border-radius:16px;border:1px solid #e7e5e4"><tr><td style="padding:32px">
<p style="margin:0 0 8px;font-size:13px;font-weight:600;letter-spacing:.08em;text-transform:uppercase;color:#047857">${escape(site.name)}</p>
<h1 style="margin:0 0 16px;font-size:22px">Sign in</h1>
<p style="margin:0 0 24px;font-size:15px;line-height:1.6;color:#44403c">Click the button to sign in as <strong>${escape(to)}</strong>. The link works once and expires in ${validity}.</p>
<p style="margin:0 0 24px"><a href="${escape(url)}" style="display:inline-block;background:#1c1917;color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:10px;font-weight:600;font-size:15px">Sign in to ${escape(site.name)}</a></p>
<p style="margin:0;font-size:13px;color:#78716c">If you did not ask for this email, you can ignore it.</p>
</td></tr></table></td></tr></table></body></html>`,
  };
}
