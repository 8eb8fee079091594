import { describe, expect, it } from "vitest";
import { toolScores } from "@/lib/scores";
import type { PublicVerdict } from "@/lib/reviewers/select";
import { serializeJsonLd } from "./escape";
import { comparisonJsonLd, toolJsonLd, toolOffer } from "./json-ld";

const tool = (overrides: Record<string, unknown> = {}) => ({
  slug: "evil-tool",
  name: `Evil</script><script>alert(1)</script>`,
  vendor: "Acme & Sons",
  tagline: "Does <b>things</b>",
  website: "https://example.com",
  category: { slug: "dev", name: "Developer Tools" },
  entryPrice: "Free" as string | null,
  pricingModel: "FREEMIUM" as const,
  pricingDetail: null as string | null,
  scores: toolScores({ panelShip: 1, panelTotal: 2, communityShip: 0, communityTotal: 0 }),
  ...overrides,
});

const verdict = (decision: "SHIP" | "SKIP"): PublicVerdict => ({
  id: `v-${decision}`,
  toolId: "t",
  decision,
  body: "Because </script> reasons",
  publishedAt: new Date("2026-01-01T00:00:00Z"),
  updatedAt: new Date("2026-01-01T00:00:00Z"),
  version: 1,
  reviewer: { id: "r", slug: "priya", name: "Priya Raman", lens: "Developer experience", bio: "", position: 0 },
});

describe("toolOffer", () => {
  it("states a price only when the entry label is a plain figure", () => {
    expect(toolOffer({ entryPrice: "Free", pricingModel: "FREEMIUM", pricingDetail: null })).toMatchObject({ price: "0", priceCurrency: "USD" });
    expect(toolOffer({ entryPrice: "$10/mo", pricingModel: "PAID", pricingDetail: "Billed monthly" })).toMatchObject({ price: "10", description: "$10/mo: Billed monthly" });
    expect(toolOffer({ entryPrice: "Usage-based", pricingModel: "USAGE", pricingDetail: null })).toBeUndefined();
    expect(toolOffer({ entryPrice: "From €20", pricingModel: "PAID", pricingDetail: null })).toBeUndefined();
    expect(toolOffer({ entryPrice: null, pricingModel: "OPEN_WEIGHTS", pricingDetail: null })).toMatchObject({ price: "0" });
    expect(toolOffer({ entryPrice: null, pricingModel: "PAID", pricingDetail: null })).toBeUndefined();
  });
});

describe("toolJsonLd", () => {
  it("is a SoftwareApplication by its vendor, with each verdict as a Review and no invented rating", () => {
    const data = toolJsonLd({ ...tool(), verdicts: [verdict("SHIP"), verdict("SKIP")] }) as unknown as Record<string, unknown>;
    expect(data).toMatchObject({ "@context": "https://schema.org", "@type": "SoftwareApplication", author: { "@type": "Organization", name: "Acme & Sons" } });
    expect((data.review as { name: string }[]).map((review) => review.name)).toEqual(["Priya Raman: Ship", "Priya Raman: Skip"]);
    expect(data).not.toHaveProperty("aggregateRating");
    expect(JSON.stringify(data)).not.toContain("reviewRating");
  });

  it("serialises a hostile name without closing the script element, and parses back to it", () => {
    const out = serializeJsonLd(toolJsonLd({ ...tool(), verdicts: [verdict("SHIP")] }));
    expect(out).not.toMatch(/<\/script/i);
    expect(JSON.parse(out).name).toBe(`Evil</script><script>alert(1)</script>`);
  });
});

describe("comparisonJsonLd", () => {
  const base = {
    slug: "a-vs-b",
    title: "A vs B",
    headline: "Which one?",
    intro: "Intro",
    publishedAt: new Date("2026-01-01T00:00:00Z"),
    updatedAt: new Date("2026-01-02T00:00:00Z"),
    toolA: { ...tool({ slug: "a", name: "A" }) },
    toolB: { ...tool({ slug: "b", name: "B" }) },
    split: [],
  };
  it("is an Article when curated and a WebPage when generated, about both tools", () => {
    const curated = comparisonJsonLd({ ...base, curated: true } as never) as unknown as Record<string, unknown>;
    expect(curated).toMatchObject({ "@type": "Article", headline: "Which one?", datePublished: "2026-01-01T00:00:00.000Z" });
    expect((curated.about as { name: string }[]).map((t) => t.name)).toEqual(["A", "B"]);
    const generated = comparisonJsonLd({ ...base, curated: false, headline: null, publishedAt: null } as never) as unknown as Record<string, unknown>;
    expect(generated["@type"]).toBe("WebPage");
    expect(generated).not.toHaveProperty("datePublished");
  });
});
