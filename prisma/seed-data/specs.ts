// Specs the seed's own tool data states, and nothing more (issue 17: "no invented facts").
// Each fact quotes the words of the tool's description or pricing detail it comes from
// (`stated`); tests/integration/seed-specs.test.ts checks every quote is there. A fact read
// from the pricing detail carries that detail's source page and check date; a fact read from
// the description has no source of its own, and the page says so.

import type { Modality } from "../../lib/specs/schema";

type Fact<T> = { value: T; stated: string };

export type SeedSpecs = {
  contextWindow?: Fact<number>;
  inputModalities?: Fact<Modality[]>;
  outputModalities?: Fact<Modality[]>;
  priceInput?: Fact<number>;
  priceOutput?: Fact<number>;
  selfHostable?: Fact<boolean>;
  apiAvailable?: Fact<boolean>;
};

export const seedSpecs: Record<string, SeedSpecs> = {
  "claude-4-sonnet": {
    priceInput: { value: 3, stated: "$3 per million input tokens" },
    priceOutput: { value: 15, stated: "$15 per million output tokens" },
    apiAvailable: { value: true, stated: "Available immediately via the Claude API" },
  },
  "smolvlm2-2b": {
    selfHostable: { value: true, stated: "free to download and run on your own hardware" },
  },
  "gpt-4o": {
    inputModalities: { value: ["text", "image", "audio"], stated: "accepts text, image and audio input" },
    priceInput: { value: 2.5, stated: "$2.50 per million input tokens" },
    priceOutput: { value: 10, stated: "$10 per million output tokens" },
    apiAvailable: { value: true, stated: "through the OpenAI API" },
  },
  "gemini-2-5-pro": {
    contextWindow: { value: 1_000_000, stated: "a context window of up to one million tokens" },
    inputModalities: { value: ["text", "image", "audio", "video"], stated: "It accepts text, images, audio, video and code" },
    priceInput: { value: 1.25, stated: "$1.25 per million input tokens" },
    priceOutput: { value: 10, stated: "$10 per million output tokens for prompts up to 200,000 tokens" },
    apiAvailable: { value: true, stated: "paid API usage" },
  },
  "mistral-large": {
    contextWindow: { value: 128_000, stated: "a 128,000-token context window" },
    priceInput: { value: 2, stated: "$2 per million input tokens" },
    priceOutput: { value: 6, stated: "$6 per million output tokens" },
    apiAvailable: { value: true, stated: "served through Mistral's API" },
    selfHostable: { value: true, stated: "its weights are downloadable" },
  },
  "llama-4": {
    contextWindow: { value: 10_000_000, stated: "a context window of up to 10 million tokens" },
    selfHostable: { value: true, stated: "Weights are free to download" },
  },
  moondream2: {
    selfHostable: { value: true, stated: "free to download and run on your own hardware" },
  },
  "minicpm-v": {
    selfHostable: { value: true, stated: "Weights are free to download" },
  },
  paligemma: {
    selfHostable: { value: true, stated: "Open weights, free to download" },
  },
  aider: {
    selfHostable: { value: true, stated: "runs in the terminal and edits code in a local git repository" },
  },
  "stable-diffusion-3-5": {
    inputModalities: { value: ["text"], stated: "text-to-image" },
    outputModalities: { value: ["image"], stated: "text-to-image" },
    selfHostable: { value: true, stated: "runs locally" },
  },
  "flux-1": {
    inputModalities: { value: ["text"], stated: "text-to-image" },
    outputModalities: { value: ["image"], stated: "text-to-image" },
    selfHostable: { value: true, stated: "[schnell] weights are free under Apache 2.0" },
    apiAvailable: { value: true, stated: "[pro] through the API" },
  },
  midjourney: {
    apiAvailable: { value: false, stated: "it has no official public API" },
  },
  whisper: {
    inputModalities: { value: ["audio"], stated: "automatic speech recognition" },
    outputModalities: { value: ["text"], stated: "transcribes speech" },
    selfHostable: { value: true, stated: "free to self-host" },
    apiAvailable: { value: true, stated: "hosts it through its API" },
  },
  elevenlabs: {
    apiAvailable: { value: true, stated: "through a web studio and an API" },
  },
};

/** The stored specs of a seed tool: facts from the pricing detail carry its source and check date. */
export function storedSeedSpecs(tool: { slug: string; pricingDetail: string | null; pricingSourceUrl: string | null; pricingVerifiedAt: string | null }) {
  const facts = seedSpecs[tool.slug] ?? {};
  return Object.fromEntries(
    Object.entries(facts).map(([key, fact]) => {
      const fromPricing = tool.pricingDetail?.includes(fact.stated) ?? false;
      return [
        key,
        { value: fact.value, sourceUrl: fromPricing ? tool.pricingSourceUrl : null, checkedOn: fromPricing ? tool.pricingVerifiedAt : null },
      ];
    }),
  );
}
