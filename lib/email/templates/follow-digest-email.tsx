import { crossingLine, topReasonLine, type FollowDigestContent } from "@/lib/follows/digest-content";
import { site } from "@/lib/site/config";
import { colors, EmailLayout, text } from "./email-layout";

/** The daily email of what changed on the tools a reader follows. Its text twin is `followDigestText` in lib/follows/digest-content.ts. */
export function FollowDigestEmail({ content, subject }: { content: FollowDigestContent; subject: string }) {
  return (
    <EmailLayout
      title={subject}
      preview={`News on ${content.tools.length} tool${content.tools.length === 1 ? "" : "s"} you follow.`}
      footer={
        <>
          You get this because you follow these tools on {site.name}; nothing is sent on a day without news.{" "}
          <a href={content.accountUrl} style={{ color: "inherit" }}>Your follows</a> ·{" "}
          <a href={content.unfollowAllUrl} style={{ color: "inherit" }}>Unfollow every tool</a> (one click, no sign-in).
        </>
      }
    >
      <h1 style={text.h1}>What changed on the tools you follow</h1>
      {content.tools.map((news) => (
        <div key={news.tool.slug} style={{ borderTop: `1px solid ${colors.line}`, paddingTop: 12, marginTop: 12 }}>
          <h2 style={text.h2}>
            <a href={news.tool.url} style={{ color: colors.ink }}>
              {news.tool.name}
            </a>
          </h2>
          {news.verdictChanges.map((change) => (
            <p key={`${change.reviewer}-${change.version}`} style={text.p}>
              <strong>{change.reviewer}</strong> now says <strong style={{ color: change.decision === "ship" ? colors.ship : colors.skip }}>{change.decision}</strong>
              {change.reason ? <> — {change.reason}</> : null}{" "}
              <a href={change.url} style={text.link}>
                What changed
              </a>
            </p>
          ))}
          {news.newComparisons.map((comparison) => (
            <p key={comparison.url} style={text.p}>
              New comparison:{" "}
              <a href={comparison.url} style={text.link}>
                {comparison.title}
              </a>
            </p>
          ))}
          {news.newTopReasons.map((reason) => (
            <p key={`${reason.decision}-${reason.author}-${reason.text.slice(0, 40)}`} style={text.p}>
              {topReasonLine(reason)}
            </p>
          ))}
          {news.newTopReasons.length ? (
            <p style={text.p}>
              <a href={news.reasonsUrl} style={text.link}>
                All reasons on {news.tool.name}
              </a>
            </p>
          ) : null}
          {news.crossing ? <p style={text.p}>{crossingLine(news.crossing)}</p> : null}
          <p style={text.small}>
            <a href={news.unfollowUrl} style={{ color: colors.muted }}>
              Unfollow {news.tool.name}
            </a>
          </p>
        </div>
      ))}
    </EmailLayout>
  );
}
