import { formatDate } from "@/lib/format";
import { SPECS, type SpecKey, type ToolSpecs } from "./schema";

/** One tool's fact for one spec row, as the page prints it. `text` null: not known ("—"). */
export type SpecCell = { text: string | null; sourceUrl: string | null; checked: string | null; checkedOn: Date | null };

const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });
const exact = new Intl.NumberFormat("en");
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 4 });

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "1M tokens", "128K tokens"; "$2.50"; "Text, image, audio"; "Yes". */
export function formatSpecValue(key: SpecKey, value: unknown): string {
  const spec = SPECS.find((candidate) => candidate.key === key)!;
  switch (spec.kind) {
    case "tokens":
      return `${compact.format(value as number)} tokens`;
    case "usd":
      return usd.format(value as number);
    case "modalities":
      return capitalise((value as string[]).join(", "));
    case "yesno":
      return value ? "Yes" : "No";
    case "column":
      return value instanceof Date ? formatDate(value) : String(value);
  }
}

/** The exact figure behind a compact one, for the cell's title: "1,000,000 tokens". */
export const exactTokens = (value: number) => `${exact.format(value)} tokens`;

/** Every spec row for one tool, in display order (licence and release date from their columns). */
export function specCells(tool: { specs: ToolSpecs; license: string | null; releasedAt: Date | null }): Record<SpecKey, SpecCell> {
  const facts = tool.specs as Record<string, { value?: unknown; sourceUrl: string | null; checkedOn: string | null } | undefined>;
  return Object.fromEntries(
    SPECS.map((spec) => {
      const fact = facts[spec.key];
      const value = spec.key === "license" ? tool.license : spec.key === "releasedAt" ? tool.releasedAt : fact?.value;
      const checkedOn = fact?.checkedOn ? new Date(`${fact.checkedOn}T00:00:00Z`) : null;
      return [
        spec.key,
        {
          text: value === null || value === undefined ? null : formatSpecValue(spec.key, value),
          sourceUrl: value == null ? null : (fact?.sourceUrl ?? null),
          checked: value == null || !checkedOn ? null : formatDate(checkedOn),
          checkedOn: value == null ? null : checkedOn,
        },
      ];
    }),
  ) as Record<SpecKey, SpecCell>;
}
