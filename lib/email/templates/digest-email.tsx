import type { ReactNode } from "react";
import { formatDigestDate, verdictChangeLabel, type DigestComparison, type DigestContent } from "@/lib/newsletter/digest-content";
import { site } from "@/lib/site/config";
import { colors, EmailLayout, text } from "./email-layout";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <h2 style={text.h2}>{title}</h2>
      <table role="presentation" width="100%" cellPadding={0} cellSpacing={0}>
        <tbody>{children}</tbody>
      </table>
    </>
  );
}

function Row({ children }: { children: ReactNode }) {
  return (
    <tr>
      <td style={{ padding: "10px 0", borderTop: `1px solid ${colors.line}`, fontSize: 15, lineHeight: 1.5, color: colors.body }}>{children}</td>
    </tr>
  );
}

function ComparisonRow({ comparison }: { comparison: DigestComparison }) {
  return (
    <Row>
      <a href={comparison.url} style={text.link}>
        {comparison.title}
      </a>
      {comparison.headline ? <div style={{ fontSize: 14, color: colors.muted }}>{comparison.headline}</div> : null}
    </Row>
  );
}

/** The weekly digest. Its text twin is `digestText` in lib/newsletter/digest-content.ts. */
export function DigestEmail({ content, subject, siteUrl, unsubscribeUrl }: { content: DigestContent; subject: string; siteUrl: string; unsubscribeUrl: string }) {
  return (
    <EmailLayout
      title={subject}
      preview={subject}
      footer={
        <>
          You get {site.newsletter.name} because you subscribed on {site.name}.{" "}
          <a href={unsubscribeUrl} style={{ color: "inherit" }}>
            Unsubscribe
          </a>{" "}
          — one click, no sign-in.
        </>
      }
    >
      <h1 style={text.h1}>{site.newsletter.name}</h1>
      <p style={text.small}>
        {formatDigestDate(content.periodStart)} – {formatDigestDate(content.periodEnd)}
      </p>

      {content.newComparisons.length ? (
        <Section title="New comparisons">
          {content.newComparisons.map((comparison) => (
            <ComparisonRow key={comparison.slug} comparison={comparison} />
          ))}
        </Section>
      ) : null}

      {content.changedComparisons.length ? (
        <Section title="Updated comparisons">
          {content.changedComparisons.map((comparison) => (
            <ComparisonRow key={comparison.slug} comparison={comparison} />
          ))}
        </Section>
      ) : null}

      {content.verdictChanges.length ? (
        <Section title="Verdict changes">
          {content.verdictChanges.map((change) => (
            <Row key={`${change.tool.slug}/${change.reviewer.slug}`}>
              <a href={change.url} style={text.link}>
                {change.reviewer.name} on {change.tool.name}
              </a>
              : <strong style={{ color: change.to === "SHIP" ? colors.ship : colors.skip }}>{verdictChangeLabel(change)}</strong>
              {change.reason ? <div style={{ fontSize: 14, color: colors.muted }}>Why: {change.reason}</div> : null}
            </Row>
          ))}
        </Section>
      ) : null}

      {content.movers.length ? (
        <Section title={content.moversBasis === "previous-digest" ? "Community movers since the last digest" : "Most voted this week"}>
          {content.movers.map((mover) => (
            <Row key={mover.slug}>
              <a href={mover.url} style={text.link}>
                {mover.name}
              </a>
              : {mover.change}
              <div style={{ fontSize: 14, color: colors.muted }}>
                Now {mover.community}, {mover.votes}
              </div>
            </Row>
          ))}
        </Section>
      ) : null}

      <p style={{ ...text.p, marginTop: 28 }}>
        <a href={siteUrl} style={text.link}>
          See every comparison on {site.name} →
        </a>
      </p>
    </EmailLayout>
  );
}
