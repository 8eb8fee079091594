/* The Open Graph image of a tool: name, maker, tagline, the panel figure with each reviewer's call, the community. */
import type { ToolDetail } from "@/lib/tools/queries";
import { fitFontSize, ogText } from "@/lib/sharing/og-text";
import { OgCallPill, OgCommunity, OgFrame, OgToolLogo, firstName } from "./parts";
import { og, toneColor } from "./theme";

const LEFT_WIDTH = 600;

/** `logoSrc`: the tool's logo as a data URL (lib/logos/queries.ts getShareLogoSrc), or null for its monogram. */
export function ToolImage({ tool, siteName, url, logoSrc = null }: { tool: ToolDetail; siteName: string; url: string; logoSrc?: string | null }) {
  const name = ogText(tool.name);
  const nameSize = fitFontSize(name, { width: LEFT_WIDTH, lines: 2, max: 76, min: 40 });
  const { panel } = tool.scores;
  return (
    <OgFrame siteName={siteName} eyebrow={tool.archived ? "Archived" : ogText(tool.category.name)} eyebrowColor={tool.archived ? og.stone500 : og.ship700}>
      <div style={{ display: "flex", justifyContent: "space-between", flexGrow: 1, marginTop: 34, marginBottom: 26 }}>
        <div style={{ display: "flex", flexDirection: "column", width: LEFT_WIDTH, paddingTop: 12 }}>
          <OgToolLogo name={tool.name} src={logoSrc} size={72} />
          <div style={{ display: "block", marginTop: 18, fontSize: nameSize, fontWeight: 700, letterSpacing: -2, lineHeight: 1.05, lineClamp: 2 }}>{name}</div>
          <div style={{ display: "block", marginTop: 14, fontSize: 26, color: og.stone500, lineClamp: 1 }}>{`by ${ogText(tool.vendor)}`}</div>
          <div style={{ display: "block", marginTop: 26, fontSize: 30, lineHeight: 1.35, color: og.stone700, lineClamp: 3 }}>{ogText(tool.tagline)}</div>
          {tool.scores.disagreement ? (
            <div style={{ display: "flex", alignItems: "center", gap: 10, marginTop: "auto", fontSize: 21, fontWeight: 600, color: og.skip700 }}>
              <div style={{ width: 12, height: 12, borderRadius: 999, background: og.skip600 }} />
              {tool.scores.disagreement.label}
            </div>
          ) : null}
        </div>

        <div
          style={{
            display: "flex",
            flexDirection: "column",
            width: 420,
            padding: 36,
            borderRadius: 28,
            background: "white",
            border: `1px solid ${og.stone200}`,
            boxShadow: "0 1px 2px rgba(28,25,23,0.06)",
          }}
        >
          <div style={{ fontSize: 15, fontWeight: 600, letterSpacing: 2, textTransform: "uppercase", color: og.stone500 }}>Panel ship</div>
          <div style={{ fontSize: 120, fontWeight: 700, letterSpacing: -5, lineHeight: 1, marginTop: 4, color: toneColor(panel.call) }}>{panel.label}</div>
          <div style={{ fontSize: 26, fontWeight: 600, color: og.stone700, marginTop: 2 }}>{panel.splitLabel}</div>
          <div style={{ display: "flex", flexWrap: "wrap", gap: 8, marginTop: 22 }}>
            {tool.verdicts.slice(0, 6).map((verdict) => (
              <OgCallPill key={verdict.id} who={ogText(firstName(verdict.reviewer.name))} decision={verdict.decision} />
            ))}
          </div>
          <div style={{ display: "flex", marginTop: "auto", paddingTop: 16, borderTop: `1px solid ${og.stone100}` }}>
            <OgCommunity community={tool.scores.community} />
          </div>
        </div>
      </div>

      <div style={{ display: "flex", alignItems: "center", justifyContent: "space-between", fontSize: 21 }}>
        <div style={{ color: og.stone600, fontWeight: 500 }}>{tool.entryPrice ? `Entry: ${ogText(tool.entryPrice)} · ${tool.pricingModelLabel}` : tool.pricingModelLabel}</div>
        <div style={{ color: og.stone400, fontWeight: 500 }}>{url}</div>
      </div>
    </OgFrame>
  );
}
