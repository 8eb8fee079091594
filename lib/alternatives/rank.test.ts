import { describe, expect, it } from "vitest";
import type { ToolSpecs } from "@/lib/specs/schema";
import {
  ALTERNATIVE_WEIGHTS,
  comparedShare,
  MAX_ALTERNATIVES,
  MIN_SPEC_OVERLAP,
  OFTEN_COMPARED_MIN_VISITS,
  rankAlternatives,
  rankingSentence,
  specOverlap,
  type AlternativeCandidate,
  type PairSignals,
} from "./rank";

const fact = <T,>(value: T) => ({ value, sourceUrl: null, checkedOn: null });

let next = 0;
function tool(overrides: Partial<AlternativeCandidate> & { name: string }): AlternativeCandidate {
  next += 1;
  return {
    id: `t${String(next).padStart(3, "0")}`,
    category: { slug: "code", name: "Coding Assistants" },
    pricingModel: "PAID",
    specs: {},
    scores: { panel: { ship: 0, total: 0 }, community: { ship: 0, total: 0 } },
    ...overrides,
  };
}

const none: PairSignals = { visits: new Map(), curated: new Set() };
const names = (ranked: { tool: { name: string } }[]) => ranked.map((row) => row.tool.name);

describe("spec overlap", () => {
  it("averages five facts: input and output types (shared over either), self-hosting, API and pricing model", () => {
    const specs: ToolSpecs = {
      inputModalities: fact(["text", "image"]),
      outputModalities: fact(["text"]),
      selfHostable: fact(true),
      apiAvailable: fact(true),
    };
    const a = { specs, pricingModel: "OPEN_WEIGHTS" };
    expect(specOverlap(a, a)).toEqual({ share: 1, shared: ["text in", "image in", "text out", "self-hostable", "API", "open weights"], differentJob: false });
    const b = { specs: { inputModalities: fact(["text", "audio"] as ("text" | "audio")[]), apiAvailable: fact(true) }, pricingModel: "USAGE" };
    // Input: text shared of text, image, audio (1/3); output unknown for b (0); b not known self-hostable (0); API both (1); pricing differs (0).
    const overlap = specOverlap(a, b);
    expect(overlap.shared).toEqual(["text in", "API"]);
    expect(overlap.share).toBeCloseTo((1 / 3 + 0 + 0 + 1 + 0) / 5, 10);
  });

  it("never counts a fact that is unknown or false on either side as shared", () => {
    const noApi = { specs: { apiAvailable: fact(false), selfHostable: fact(false) }, pricingModel: "PAID" };
    const unknown = { specs: {}, pricingModel: "FREE" };
    expect(specOverlap(noApi, noApi)).toEqual({ share: 1 / 5, shared: ["paid"], differentJob: false });
    expect(specOverlap(noApi, unknown)).toEqual({ share: 0, shared: [], differentJob: false });
  });
});

describe("compared share", () => {
  it("is 0 for a pair never opened, 1 for the most-opened pair, and log-scaled between", () => {
    expect(comparedShare(0, 100)).toBe(0);
    expect(comparedShare(5, 0)).toBe(0);
    expect(comparedShare(100, 100)).toBe(1);
    expect(comparedShare(9, 99)).toBeCloseTo(0.5, 10);
    // Log scale: a tenth of the visits is far more than a tenth of the weight.
    expect(comparedShare(10, 100)).toBeGreaterThan(0.5);
  });
});

describe("ranking alternatives", () => {
  const subject = tool({ name: "Subject", specs: { selfHostable: fact(true), apiAvailable: fact(true) }, pricingModel: "FREEMIUM" });

  it("lists the same category first, then another category only for shared specs, readers' comparisons or an editor's", () => {
    const sameCategory = tool({ name: "Zed Same" });
    const otherAlike = tool({ name: "Alike", category: { slug: "img", name: "Image" }, specs: { selfHostable: fact(true), apiAvailable: fact(true) }, pricingModel: "FREEMIUM" });
    const otherHalfAlike = tool({ name: "Half alike", category: { slug: "img", name: "Image" }, specs: { selfHostable: fact(true), apiAvailable: fact(true) }, pricingModel: "PAID" });
    const otherCompared = tool({ name: "Compared", category: { slug: "img", name: "Image" } });
    const otherCurated = tool({ name: "Curated", category: { slug: "img", name: "Image" } });
    const unrelated = tool({ name: "Unrelated", category: { slug: "img", name: "Image" }, pricingModel: "FREEMIUM" });
    const ranked = rankAlternatives(subject, [subject, unrelated, otherHalfAlike, otherCurated, otherCompared, otherAlike, sameCategory], {
      visits: new Map([[otherCompared.id, OFTEN_COMPARED_MIN_VISITS]]),
      curated: new Set([otherCurated.id]),
    });
    // Same category 4 · compared (the most-compared pair) 2 · self-hosting, API and pricing model shared (3 of 5 facts) 2 × 0.6 · editor 1.
    expect(names(ranked)).toEqual(["Zed Same", "Compared", "Alike", "Curated"]);
    expect(ranked.map((row) => row.score)).toEqual([ALTERNATIVE_WEIGHTS.category, ALTERNATIVE_WEIGHTS.compared, ALTERNATIVE_WEIGHTS.specs * 0.6, ALTERNATIVE_WEIGHTS.editorial]);
    expect(ranked.map((row) => row.reasons)).toEqual([
      [{ kind: "category", category: "Coding Assistants" }],
      [{ kind: "compared", visits: OFTEN_COMPARED_MIN_VISITS }],
      [{ kind: "specs", shared: ["self-hostable", "API", "freemium"] }],
      [{ kind: "editorial" }],
    ]);
    // Unrelated shares only the pricing model (1 of 5 facts), Half alike self-hosting and the API (2 of 5): under MIN_SPEC_OVERLAP, so not listed.
    expect(specOverlap(subject, unrelated).share).toBeLessThan(MIN_SPEC_OVERLAP);
    expect(specOverlap(subject, otherHalfAlike).share).toBeLessThan(MIN_SPEC_OVERLAP);
  });

  it("a tool from another category that does a different job (known input or output types, none shared) is not listed for its other specs", () => {
    const open = { selfHostable: fact(true), apiAvailable: fact(true) };
    const speechToText = tool({ name: "Speech", category: { slug: "speech", name: "Speech" }, pricingModel: "OPEN_WEIGHTS", specs: { ...open, inputModalities: fact(["audio"]), outputModalities: fact(["text"]) } });
    const textToImage = tool({ name: "Image", category: { slug: "img", name: "Image" }, pricingModel: "OPEN_WEIGHTS", specs: { ...open, inputModalities: fact(["text"]), outputModalities: fact(["image"]) } });
    const unknownTypes = tool({ name: "Unknown types", category: { slug: "img", name: "Image" }, pricingModel: "OPEN_WEIGHTS", specs: open });
    // Self-hosting, API and open weights are shared (3 of 5 = 0.6) either way.
    expect(specOverlap(speechToText, textToImage)).toMatchObject({ share: 0.6, differentJob: true });
    expect(specOverlap(speechToText, unknownTypes)).toMatchObject({ share: 0.6, differentJob: false });
    expect(names(rankAlternatives(speechToText, [textToImage, unknownTypes], none))).toEqual(["Unknown types"]);
    // An editor's comparison or readers' visits still list it: then readers do weigh them against each other.
    expect(names(rankAlternatives(speechToText, [textToImage], { visits: new Map(), curated: new Set([textToImage.id]) }))).toEqual(["Image"]);
  });

  it("a pair opened fewer than the threshold moves a tool up but is no reason to list it", () => {
    const rarelyCompared = tool({ name: "Rarely", category: { slug: "img", name: "Image" } });
    const same = tool({ name: "Same" });
    const sameCompared = tool({ name: "Same Compared" });
    const ranked = rankAlternatives(subject, [rarelyCompared, same, sameCompared], { visits: new Map([[rarelyCompared.id, 4], [sameCompared.id, 1]]), curated: new Set() });
    expect(names(ranked)).toEqual(["Same Compared", "Same"]);
    expect(ranked[0]!.parts.compared).toBeCloseTo(Math.log(2) / Math.log(5), 10);
    expect(ranked[0]!.visits).toBe(1);
    expect(ranked[0]!.reasons).toEqual([{ kind: "category", category: "Coding Assistants" }]);
  });

  it("among alike tools, the panel's ship share and the community's Wilson lower bound order them", () => {
    const unreviewed = tool({ name: "A Unreviewed" });
    const panelHalf = tool({ name: "B Panel half", scores: { panel: { ship: 2, total: 4 }, community: { ship: 0, total: 0 } } });
    const panelAll = tool({ name: "C Panel all", scores: { panel: { ship: 4, total: 4 }, community: { ship: 0, total: 0 } } });
    // Two of two votes is a thin sample: its lower bound (~0.34) is below 45 of 50 (~0.79).
    const thin = tool({ name: "D Thin", scores: { panel: { ship: 4, total: 4 }, community: { ship: 2, total: 2 } } });
    const solid = tool({ name: "E Solid", scores: { panel: { ship: 4, total: 4 }, community: { ship: 45, total: 50 } } });
    const ranked = rankAlternatives(subject, [unreviewed, panelHalf, panelAll, thin, solid], none);
    expect(names(ranked)).toEqual(["E Solid", "D Thin", "C Panel all", "B Panel half", "A Unreviewed"]);
    expect(ranked[4]!.score).toBe(ALTERNATIVE_WEIGHTS.category);
    expect(ranked[3]!.parts.panel).toBe(0.5);
  });

  it("readers comparing a pair often can lift a tool past one the panel rates higher", () => {
    const liked = tool({ name: "Liked", scores: { panel: { ship: 4, total: 4 }, community: { ship: 0, total: 0 } } });
    const popular = tool({ name: "Popular", scores: { panel: { ship: 1, total: 4 }, community: { ship: 0, total: 0 } } });
    const visits = new Map([[popular.id, 400], [liked.id, 3]]);
    const ranked = rankAlternatives(subject, [liked, popular], { visits, curated: new Set() });
    expect(names(ranked)).toEqual(["Popular", "Liked"]);
    expect(ranked[0]!.reasons).toContainEqual({ kind: "compared", visits: 400 });
  });

  it("breaks ties by name and keeps at most the limit", () => {
    const many = Array.from({ length: MAX_ALTERNATIVES + 5 }, (_, i) => tool({ name: `Tool ${String.fromCharCode(90 - i)}` }));
    const ranked = rankAlternatives(subject, many, none);
    expect(ranked).toHaveLength(MAX_ALTERNATIVES);
    expect(names(ranked)).toEqual([...names(many.map((t) => ({ tool: t })))].sort().slice(0, MAX_ALTERNATIVES));
    expect(rankAlternatives(subject, many, none, 3)).toHaveLength(3);
  });

  it("never lists the tool itself", () => {
    expect(rankAlternatives(subject, [subject], { visits: new Map([[subject.id, 50]]), curated: new Set([subject.id]) })).toEqual([]);
  });
});

describe("the ranking sentence", () => {
  it("states the weights the code uses", () => {
    const sentence = rankingSentence();
    for (const weight of Object.values(ALTERNATIVE_WEIGHTS)) expect(sentence).toContain(String(weight));
    expect(sentence).toMatch(/^Ranked by points: 4 for the same category, up to 2 for shared specs/);
  });
});
