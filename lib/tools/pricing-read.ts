import { PRICING_MODEL_LABELS } from "./select";

type Priced = { name: string; pricingModel: keyof typeof PRICING_MODEL_LABELS; entryPrice: string | null };

const isFree = (tool: Priced) => tool.entryPrice?.trim().toLowerCase() === "free";

/** One sentence comparing how two tools are priced, from their catalogue fields only. */
export function pricingRead(a: Priced, b: Priced): string {
  const model = (tool: Priced) => PRICING_MODEL_LABELS[tool.pricingModel].toLowerCase();
  const entry =
    isFree(a) && isFree(b)
      ? "Both start free"
      : a.entryPrice && b.entryPrice
        ? `${a.name} starts at ${a.entryPrice}, ${b.name} at ${b.entryPrice}`
        : "Entry prices are not both published";
  const models =
    a.pricingModel === b.pricingModel
      ? `both are ${model(a)}`
      : `${a.name} is ${model(a)}, ${b.name} is ${model(b)}`;
  return `${entry}; ${models}.`;
}
