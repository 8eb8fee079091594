import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ToolHistory, ToolHistoryDay, VerdictMarker } from "@/lib/trends/queries";
import { TREND_EMPTY_TEXT, TrendChart } from "./trend-chart";

const tool = { slug: "aider", name: "Aider" };

/** `count` consecutive days from 2026-06-01, each with the figures `figures(i)` gives. */
function days(count: number, figures: (i: number) => Partial<ToolHistoryDay> = () => ({})): ToolHistoryDay[] {
  return Array.from({ length: count }, (_, i) => ({
    day: new Date(Date.UTC(2026, 5, 1 + i)).toISOString().slice(0, 10),
    panelShip: 3,
    panelTotal: 4,
    communityShip: 6,
    communityTotal: 10,
    sample: false,
    ...figures(i),
  }));
}

const render = (history: Partial<ToolHistory>) => renderToStaticMarkup(<TrendChart history={{ tool, days: [], markers: [], ...history }} />);
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
const bodyRows = (html: string) => [...html.matchAll(/<tbody[^>]*>(.*)<\/tbody>/gs)].flatMap(([, body]) => [...body!.matchAll(/<tr[^>]*>.*?<\/tr>/gs)].map(([row]) => text(row).trim()));
const seriesPath = (html: string, series: string) => [...html.matchAll(new RegExp(`data-series="${series}" d="([^"]*)"`, "g"))].map(([, d]) => d ?? "");

describe("the trend chart", () => {
  it("draws the community line and band, and its data table shows each day's 95 % Wilson band", () => {
    // 30 ship of 50: p = 0.6, z = 1.96, z² = 3.8416
    //   centre = p + z²/2n = 0.6 + 0.038416 = 0.638416
    //   margin = z·√(p(1−p)/n + z²/4n²) = 1.96·√(0.0048 + 0.00038416) = 1.96 · 0.0720011 = 0.1411222
    //   denominator = 1 + z²/n = 1.076832
    //   low = 0.497294 / 1.076832 = 0.4618 → 46 %; high = 0.779538 / 1.076832 = 0.7239 → 72 %
    const history = days(3, (i) => (i === 2 ? { communityShip: 30, communityTotal: 50 } : {}));
    const html = render({ days: history });

    // A narrow drawing for phones and a wide one from `sm` up, each an image with a summary.
    expect(html.match(/<svg[^>]*role="img"/g)).toHaveLength(2);
    expect(html).toContain('viewBox="0 0 360 250"');
    expect(html).toContain('viewBox="0 0 760 290"');
    expect(html).toContain('width="100%"');
    expect(html).toMatch(/aria-label="Chart of Aider from 1 Jun 2026 to 3 Jun 2026: community ship share 60% on 1 Jun 2026 \(10 votes\), 60% on 3 Jun 2026 \(50 votes, 95% band 46–72%\); panel 3 of 4 ship; no panel verdict changes\."/);
    for (const series of ["community", "band", "panel"]) {
      const paths = seriesPath(html, series);
      expect(paths, series).toHaveLength(2);
      for (const d of paths) expect(d, series).toMatch(/^M[\d.]+,[\d.]+L/);
    }
    // The band of the wide drawing: y = 242 − share · 230 (top margin 12, bottom 48, height 290).
    const y = (share: number) => (242 - share * 230).toFixed(1).replace(/\.0$/, "");
    expect(seriesPath(html, "band")[1]).toContain(`,${y(0.7239186)}`);
    expect(seriesPath(html, "band")[1]).toContain(`,${y(0.4618118)}`);

    expect(html).toContain("<figure");
    expect(html).toContain("<figcaption");
    expect(html).toContain("<summary");
    expect(text(html)).toContain("Data table");
    expect(bodyRows(html)).toEqual([
      "3 Jun 2026 60% 50 46–72% 75% (3 of 4)",
      "2 Jun 2026 60% 10 31–83% 75% (3 of 4)",
      "1 Jun 2026 60% 10 31–83% 75% (3 of 4)",
    ]);
  });

  it("leaves a day without votes out of the community line and band, and shows a dash for it", () => {
    const html = render({ days: days(5, (i) => (i === 2 ? { communityShip: 0, communityTotal: 0, panelShip: 0, panelTotal: 0 } : {})) });
    // Two runs of the line either side of the gap: two "M" commands each.
    for (const d of seriesPath(html, "community")) expect(d.match(/M/g)).toHaveLength(2);
    for (const d of seriesPath(html, "band")) expect(d.match(/M/g)).toHaveLength(2);
    expect(bodyRows(html)[2]).toBe("3 Jun 2026 — 0 — —");
  });

  it("shows at most 60 days in the table, the most recent first", () => {
    const html = render({ days: days(90) });
    const rows = bodyRows(html);
    expect(rows).toHaveLength(60);
    expect(rows[0]).toMatch(/^29 Aug 2026 /);
    expect(rows[59]).toMatch(/^1 Jul 2026 /);
    expect(text(html)).toContain("The last 60 of 90 days, most recent first.");
  });

  it("says when the trend will start instead of drawing fewer than two days", () => {
    for (const history of [[], days(1)]) {
      const html = render({ days: history });
      expect(html).not.toContain("<svg");
      expect(text(html).trim()).toBe(TREND_EMPTY_TEXT);
    }
    expect(TREND_EMPTY_TEXT).toBe("The trend starts once the site has two days of figures.");
  });

  it("marks the seed's sample days, in the legend, the caption and the table", () => {
    const html = render({ days: days(5, (i) => ({ sample: i < 3 })) });
    expect(text(html)).toContain("sample history (seed)");
    expect(text(html)).toContain("1 Jun 2026 to 3 Jun 2026: sample history from the seed");
    expect(text(html)).toContain("Real daily snapshots from 4 Jun 2026.");
    expect(html.match(/data-sample-range=""/g)).toHaveLength(2);
    // The sample line runs up to the first real day; the real line starts there.
    for (const d of seriesPath(html, "community-sample")) expect(d.match(/L/g)).toHaveLength(3);
    for (const d of seriesPath(html, "community")) expect(d.match(/L/g)).toHaveLength(1);
    expect(bodyRows(html).filter((row) => row.includes("(sample)"))).toHaveLength(3);

    const real = render({ days: days(5) });
    expect(real).not.toContain("sample history");
    expect(real).not.toContain("data-sample");

    expect(text(render({ days: days(4, () => ({ sample: true })) }))).toContain("Every day shown is sample history from the seed, not a real snapshot.");
  });

  it("marks the panel's changes with a tooltip and lists them", () => {
    const markers: VerdictMarker[] = [
      { day: "2026-06-02", reviewer: "Ada", decision: "skip", first: false },
      { day: "2026-06-02", reviewer: "Ben", decision: "ship", first: true },
    ];
    const html = render({ days: days(3), markers });
    expect(html.match(/data-marker="skip"/g)).toHaveLength(2);
    expect(html.match(/data-marker="ship"/g)).toHaveLength(2);
    expect(html).toContain("<title>2 Jun 2026: Ada changed their call: skip</title>");
    expect(html).toContain("<title>2 Jun 2026: Ben published a verdict: ship</title>");
    expect(text(html)).toContain("2 Jun 2026 : Ada changed their call: skip");
    expect(html).toContain("2 panel verdict changes marked");
  });

  it("runs no script", () => {
    const html = render({ days: days(3) });
    expect(html).not.toMatch(/<script|\son[a-z]+=/i);
  });
});
