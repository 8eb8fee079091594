/* The site's own share image (home, directory, compare): name, tagline and what the site does. */
import { OgBrand } from "./parts";
import { og } from "./theme";

const FEATURES = [
  { label: "Staff panel verdicts", dot: og.ship600 },
  { label: "Community votes", dot: og.skip600 },
  { label: "Side-by-side comparisons", dot: og.stone500 },
];

export function SiteImage({ siteName, tagline, description }: { siteName: string; tagline: string; description: string }) {
  return (
    <div style={{ display: "flex", flexDirection: "column", width: "100%", height: "100%", padding: "56px 64px", background: og.stone50, fontFamily: og.font, color: og.stone900 }}>
      <OgBrand name={siteName} />
      <div style={{ display: "block", marginTop: 64, fontSize: 76, fontWeight: 700, letterSpacing: -2.5, lineHeight: 1.05, maxWidth: 980 }}>{tagline}</div>
      <div style={{ display: "block", marginTop: 28, fontSize: 28, lineHeight: 1.4, color: og.stone600, maxWidth: 1060, lineClamp: 3 }}>{description}</div>
      <div style={{ display: "flex", gap: 12, marginTop: "auto" }}>
        {FEATURES.map((feature) => (
          <div
            key={feature.label}
            style={{ display: "flex", alignItems: "center", gap: 10, padding: "8px 16px", borderRadius: 999, background: "white", border: `1px solid ${og.stone200}`, fontSize: 20, fontWeight: 500, color: og.stone700 }}
          >
            <div style={{ width: 10, height: 10, borderRadius: 999, background: feature.dot }} />
            {feature.label}
          </div>
        ))}
      </div>
    </div>
  );
}
