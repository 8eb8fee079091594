/* The Open Graph image of a comparison: both tools, both panel figures, the reviewer split, the community. */
import type { ComparisonView } from "@/lib/comparisons/queries";
import { splitSummary } from "@/lib/comparisons/bottom-line";
import { fitFontSize, ogText } from "@/lib/sharing/og-text";
import { OgCallPill, OgCommunity, OgFrame, OgToolLogo, firstName } from "./parts";
import { og, toneColor } from "./theme";

type Side = "a" | "b";
const CARD_WIDTH = 500;
const CARD_PADDING = 36;

function ToolPanel({ tool, split, side, logoSrc }: { tool: ComparisonView["toolA"]; split: ComparisonView["split"]; side: Side; logoSrc: string | null }) {
  const name = ogText(tool.name);
  const nameSize = fitFontSize(name, { width: CARD_WIDTH - 2 * CARD_PADDING, lines: 2, max: 50, min: 30 });
  const { panel } = tool.scores;
  return (
    <div
      style={{
        display: "flex",
        flexDirection: "column",
        width: CARD_WIDTH,
        height: "100%",
        padding: CARD_PADDING,
        borderRadius: 28,
        background: "white",
        border: `1px solid ${og.stone200}`,
        boxShadow: "0 1px 2px rgba(28,25,23,0.06)",
      }}
    >
      <div style={{ display: "flex", alignItems: "center", gap: 16 }}>
        <OgToolLogo name={tool.name} src={logoSrc} size={56} />
        <div style={{ display: "block", width: CARD_WIDTH - 2 * CARD_PADDING - 72, fontSize: nameSize, fontWeight: 700, color: og.stone900, letterSpacing: -1, lineHeight: 1.08, lineClamp: 2 }}>
          {name}
        </div>
      </div>
      <div style={{ display: "block", marginTop: 8, fontSize: 20, color: og.stone500, lineClamp: 1 }}>{`by ${ogText(tool.vendor)}`}</div>

      <div style={{ display: "flex", alignItems: "flex-end", gap: 18, marginTop: "auto" }}>
        <div style={{ fontSize: 92, fontWeight: 700, letterSpacing: -4, lineHeight: 0.9, color: toneColor(panel.call) }}>{panel.label}</div>
        <div style={{ display: "flex", flexDirection: "column", paddingBottom: 4 }}>
          <div style={{ fontSize: 15, fontWeight: 600, letterSpacing: 2, textTransform: "uppercase", color: og.stone500 }}>Panel ship</div>
          <div style={{ fontSize: 24, fontWeight: 600, color: og.stone700 }}>{panel.splitLabel}</div>
        </div>
      </div>

      <div style={{ display: "flex", flexWrap: "wrap", gap: 8, marginTop: 22 }}>
        {split.slice(0, 6).map((row) => {
          const verdict = side === "a" ? row.a : row.b;
          return <OgCallPill key={row.reviewer.id} who={ogText(firstName(row.reviewer.name))} decision={verdict?.decision ?? null} emphasis={row.differs} />;
        })}
      </div>

      <div style={{ display: "flex", marginTop: 20, paddingTop: 16, borderTop: `1px solid ${og.stone100}` }}>
        <OgCommunity community={tool.scores.community} />
      </div>
    </div>
  );
}

/** `logos`: each tool's logo as a data URL (lib/logos/queries.ts getShareLogoSrc), or null for its monogram. */
export function ComparisonImage({ comparison, siteName, url, logos = { a: null, b: null } }: { comparison: ComparisonView; siteName: string; url: string; logos?: { a: string | null; b: string | null } }) {
  const { toolA, toolB, split } = comparison;
  const differing = split.some((row) => row.differs);
  const category = toolA.category.name === toolB.category.name ? toolA.category.name : "AI tool comparison";
  return (
    <OgFrame siteName={siteName} eyebrow={ogText(category)}>
      <div style={{ display: "flex", alignItems: "center", justifyContent: "space-between", flexGrow: 1, marginTop: 30, marginBottom: 26, height: 420 }}>
        <ToolPanel tool={toolA} split={split} side="a" logoSrc={logos.a} />
        <div
          style={{
            display: "flex",
            alignItems: "center",
            justifyContent: "center",
            width: 64,
            height: 64,
            borderRadius: 999,
            background: og.stone900,
            color: "white",
            fontSize: 22,
            fontWeight: 700,
            letterSpacing: -0.5,
          }}
        >
          vs
        </div>
        <ToolPanel tool={toolB} split={split} side="b" logoSrc={logos.b} />
      </div>

      <div style={{ display: "flex", alignItems: "center", justifyContent: "space-between", fontSize: 21 }}>
        <div style={{ display: "flex", alignItems: "center", gap: 12 }}>
          <div style={{ width: 12, height: 12, borderRadius: 999, background: differing ? og.skip600 : og.ship600 }} />
          <div style={{ color: og.stone700, fontWeight: 600 }}>{splitSummary(split)}</div>
        </div>
        <div style={{ color: og.stone400, fontWeight: 500 }}>{url}</div>
      </div>
    </OgFrame>
  );
}
