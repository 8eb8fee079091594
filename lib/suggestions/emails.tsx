import { renderEmailHtml } from "@/lib/email/render";
import type { Email } from "@/lib/email/send";
import { EmailButton, EmailLayout, text } from "@/lib/email/templates/email-layout";
import { site } from "@/lib/site/config";
import { absoluteUrl } from "@/lib/site/urls";

/** What changed on one reader's suggestion or problem report, for their email. */
export type SuggestionNews = {
  kind: "tool" | "problem";
  /** The suggested tool's name, or the reported tool's. */
  subject: string;
  status: "accepted" | "merged" | "declined";
  /** Staff's words, as typed (plain text). */
  note: string | null;
  /** The tool it became or was folded into (a draft is not linked: it is not public yet). */
  tool: { slug: string; name: string; listed: boolean } | null;
};

/** The one-line outcome, shared by the subject, the text and the HTML. */
export function suggestionOutcome(news: SuggestionNews): string {
  if (news.kind === "problem") {
    return news.status === "declined" ? `We looked into your report on ${news.subject} and are leaving it as it is.` : `Thanks: the problem you reported on ${news.subject} is fixed.`;
  }
  if (news.status === "accepted") return `${news.subject} is going into the catalogue: our reviewers are preparing its page and verdicts.`;
  if (news.status === "merged") return `${news.subject} is already listed${news.tool ? ` as ${news.tool.name}` : ""}.`;
  return `We are not adding ${news.subject} for now.`;
}

/** The email a reader gets when staff decide on their suggestion or report (queued in the decision's transaction). */
export async function suggestionStatusEmail(to: string, news: SuggestionNews): Promise<Email> {
  const outcome = suggestionOutcome(news);
  const subject = news.kind === "tool" ? `Your suggestion: ${news.subject}` : `Your report on ${news.subject}`;
  const toolUrl = news.tool?.listed ? absoluteUrl(`/tools/${news.tool.slug}`) : null;
  const accountUrl = absoluteUrl("/account#suggestions");
  const lines = [outcome, ...(news.note ? ["", `From the editors: ${news.note}`] : []), ...(toolUrl ? ["", `${news.tool!.name}: ${toolUrl}`] : []), "", `Everything you sent us: ${accountUrl}`];
  return {
    to,
    subject,
    text: lines.join("\n"),
    html: await renderEmailHtml(
      <EmailLayout title={subject} preview={outcome} footer={<>You get this because you sent {site.name} a suggestion. We write only when its status changes.</>}>
        <h1 style={text.h1}>{subject}</h1>
        <p style={text.p}>{outcome}</p>
        {news.note ? (
          <p style={text.p}>
            <strong>From the editors:</strong> {news.note}
          </p>
        ) : null}
        {toolUrl ? <EmailButton href={toolUrl}>See {news.tool!.name}</EmailButton> : null}
        <p style={text.small}>
          <a href={accountUrl} style={text.link}>
            Everything you sent us
          </a>
        </p>
      </EmailLayout>,
    ),
  };
}
