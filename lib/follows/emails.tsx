import { FollowDigestEmail } from "@/lib/email/templates/follow-digest-email";
import { renderEmailHtml } from "@/lib/email/render";
import type { Email } from "@/lib/email/send";
import { site } from "@/lib/site/config";
import { followDigestSubject, followDigestText, type FollowDigestContent } from "./digest-content";

// No `server-only`: rendered by the follow digest job.

/** The daily follow digest: HTML and text, an unfollow link per tool and one for all, and the RFC 8058 one-click headers (all follows). */
export async function followDigestEmail(to: string, content: FollowDigestContent, oneClickUrl: string): Promise<Email> {
  const subject = followDigestSubject(content);
  return {
    to,
    subject,
    text: followDigestText(content, site.name),
    html: await renderEmailHtml(<FollowDigestEmail content={content} subject={subject} />),
    headers: { "List-Unsubscribe": `<${oneClickUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}
