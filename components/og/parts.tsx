/* Building blocks of the Open Graph images (satori: flexbox only, inline styles). */
import type { ToolScores } from "@/lib/scores";
import { monogram, monogramColor, MONOGRAM_TEXT } from "@/lib/logos/monogram";
import { og } from "./theme";

/** The site mark and name, as in the header. */
export function OgBrand({ name }: { name: string }) {
  return (
    <div style={{ display: "flex", alignItems: "center", gap: 14 }}>
      <div
        style={{
          display: "flex",
          alignItems: "center",
          justifyContent: "center",
          width: 40,
          height: 40,
          borderRadius: 10,
          background: og.stone900,
          color: og.ship400,
          fontSize: 22,
          fontWeight: 700,
        }}
      >
        S
      </div>
      <div style={{ fontSize: 28, fontWeight: 600, color: og.stone900, letterSpacing: -0.5 }}>{name}</div>
    </div>
  );
}

export function OgEyebrow({ children, color = og.ship700 }: { children: string; color?: string }) {
  return <div style={{ fontSize: 18, fontWeight: 600, letterSpacing: 2.5, textTransform: "uppercase", color }}>{children}</div>;
}

/** A reviewer's call as a pill: the word is always there, colour is not the only signal. */
export function OgCallPill({ who, decision, emphasis = false }: { who: string; decision: "SHIP" | "SKIP" | null; emphasis?: boolean }) {
  const ship = decision === "SHIP";
  const none = decision === null;
  const colors = none
    ? { bg: og.stone100, border: og.stone200, text: og.stone500 }
    : ship
      ? { bg: og.ship50, border: emphasis ? og.ship600 : og.ship200, text: og.ship700 }
      : { bg: og.skip50, border: emphasis ? og.skip600 : og.skip200, text: og.skip700 };
  return (
    <div
      style={{
        display: "flex",
        alignItems: "center",
        gap: 8,
        padding: "6px 14px",
        borderRadius: 999,
        background: colors.bg,
        border: `${emphasis ? 2 : 1}px solid ${colors.border}`,
        fontSize: 18,
      }}
    >
      <div style={{ color: og.stone600, fontWeight: 500 }}>{who}</div>
      <div style={{ color: colors.text, fontWeight: 700 }}>{none ? "—" : ship ? "↑ Ship" : "↓ Skip"}</div>
    </div>
  );
}

/** The community line: a share only once there are enough votes, never a bold figure from two votes. */
export function OgCommunity({ community, size = 20 }: { community: ToolScores["community"]; size?: number }) {
  const value =
    community.status === "established"
      ? `${community.label} ship · ${community.countLabel.toLowerCase()}`
      : community.status === "provisional"
        ? `too few votes (${community.total})`
        : "no votes yet";
  return (
    <div style={{ display: "flex", alignItems: "baseline", gap: 10, fontSize: size }}>
      <div style={{ color: og.stone500, fontWeight: 500 }}>Community</div>
      <div style={{ color: community.status === "established" ? og.stone800 : og.stone500, fontWeight: community.status === "established" ? 700 : 500 }}>
        {value}
      </div>
    </div>
  );
}

/** A first name for a pill ("Priya Raman" → "Priya"). */
export function firstName(name: string): string {
  return name.split(/\s+/)[0] ?? name;
}

/** Every share card's frame: the page background, the brand on the left, an eyebrow on the right. */
export function OgFrame({ siteName, eyebrow, eyebrowColor, children }: { siteName: string; eyebrow: string; eyebrowColor?: string; children: React.ReactNode }) {
  return (
    <div
      style={{
        display: "flex",
        flexDirection: "column",
        width: "100%",
        height: "100%",
        padding: "44px 52px 40px",
        background: og.stone50,
        fontFamily: og.font,
        color: og.stone900,
      }}
    >
      <div style={{ display: "flex", alignItems: "center", justifyContent: "space-between" }}>
        <OgBrand name={siteName} />
        <OgEyebrow color={eyebrowColor}>{eyebrow}</OgEyebrow>
      </div>
      {children}
    </div>
  );
}

/** A tool's logo (a data URL: PNG or SVG) or its monogram, as on the site's cards. */
export function OgToolLogo({ name, src, size }: { name: string; src: string | null; size: number }) {
  if (src) {
    return (
      <div style={{ display: "flex", width: size, height: size, padding: Math.round(size * 0.08), borderRadius: Math.round(size * 0.22), background: "white", border: `1px solid ${og.stone200}` }}>
        {/* eslint-disable-next-line @next/next/no-img-element -- satori draws <img>, not next/image */}
        <img src={src} alt="" width={size - 2 * Math.round(size * 0.08) - 2} height={size - 2 * Math.round(size * 0.08) - 2} style={{ objectFit: "contain" }} />
      </div>
    );
  }
  return (
    <div
      style={{
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        width: size,
        height: size,
        borderRadius: Math.round(size * 0.22),
        background: monogramColor(name),
        color: MONOGRAM_TEXT,
        fontSize: Math.round(size * 0.4),
        fontWeight: 700,
      }}
    >
      {monogram(name)}
    </div>
  );
}
