// Shapes of the seed data. Dates are ISO `YYYY-MM-DD` strings.

export type SeedCategory = {
  slug: string;
  name: string;
  description: string;
};

export type SeedPricingModel = "FREE" | "FREEMIUM" | "PAID" | "USAGE" | "OPEN_WEIGHTS";

export type SeedTool = {
  slug: string;
  name: string;
  vendor: string;
  /** Category slug. */
  category: string;
  tagline: string;
  description: string;
  website: string | null;
  license: string | null;
  pricingModel: SeedPricingModel;
  /** Short label for the card, e.g. "Free", "$20/mo". */
  entryPrice: string | null;
  pricingDetail: string | null;
  pricingSourceUrl: string | null;
  pricingVerifiedAt: string | null;
  releasedAt: string | null;
};

export type SeedReviewer = {
  slug: string;
  name: string;
  lens: string;
  bio: string;
  excitedBy: string[];
  tiredOf: string[];
};

export type SeedVerdict = {
  tool: string;
  reviewer: string;
  decision: "SHIP" | "SKIP";
  body: string;
  publishedAt: string;
};

export type SeedComparison = {
  slug: string;
  toolA: string;
  toolB: string;
  headline: string | null;
  intro: string | null;
  /** The bottom line, "Pick <A> if …" / "Pick <B> if …": the editor's summary of the verdicts, both or neither. */
  picks?: { a: string; b: string };
  publishedAt: string;
};
