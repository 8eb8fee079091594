// No `server-only`: forms in the browser (the suggestion and triage forms) list these too.

/** A tool's pricing models, as the database's PricingModel enum spells them. */
export const PRICING_MODELS = ["FREE", "FREEMIUM", "PAID", "USAGE", "OPEN_WEIGHTS"] as const;
export type PricingModelName = (typeof PRICING_MODELS)[number];

/** How pages and forms name them. */
export const PRICING_MODEL_LABELS = {
  FREE: "Free",
  FREEMIUM: "Freemium",
  PAID: "Paid",
  USAGE: "Usage-based",
  OPEN_WEIGHTS: "Open weights",
} as const satisfies Record<PricingModelName, string>;
