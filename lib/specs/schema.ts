import { z } from "zod";

/**
 * A tool's specs: structured, optional facts shown side by side on comparisons
 * (docs/decisions/034-a-comparison-that-decides.md). Each fact carries where it was read
 * (`sourceUrl`) and when (`checkedOn`). Stored in `Tool.specs` (jsonb) as
 * `{ [key]: { value?, sourceUrl, checkedOn } }` with only known facts present;
 * the licence and the release date keep their own columns, so their entries
 * hold only the provenance.
 *
 * The admin form edits them as flat fields (`contextWindow`,
 * `contextWindowSource`, `contextWindowChecked`, …), so they round-trip with
 * the tool's other fields through one form, one version and one audit entry.
 */

export const MODALITIES = ["text", "image", "audio", "video"] as const;
export type Modality = (typeof MODALITIES)[number];

export type SpecKind = "tokens" | "modalities" | "usd" | "yesno" | "column";

/** Every spec in display order. `column`: the value is a Tool column (license, releasedAt). */
export const SPECS = [
  { key: "contextWindow", label: "Context window", kind: "tokens", hint: "tokens, e.g. 128000 or 128k" },
  { key: "inputModalities", label: "Input types", kind: "modalities", hint: "comma-separated: text, image, audio, video" },
  { key: "outputModalities", label: "Output types", kind: "modalities", hint: "comma-separated: text, image, audio, video" },
  { key: "license", label: "Licence", kind: "column", hint: "" },
  { key: "priceInput", label: "Input price", kind: "usd", hint: "US$ per million input tokens" },
  { key: "priceOutput", label: "Output price", kind: "usd", hint: "US$ per million output tokens" },
  { key: "selfHostable", label: "Self-hostable", kind: "yesno", hint: "" },
  { key: "apiAvailable", label: "API", kind: "yesno", hint: "" },
  { key: "releasedAt", label: "Released", kind: "column", hint: "" },
] as const satisfies readonly { key: string; label: string; kind: SpecKind; hint: string }[];

export type SpecKey = (typeof SPECS)[number]["key"];
type ValueKey = Exclude<SpecKey, "license" | "releasedAt">;

export const SPEC_LIMITS = { contextWindow: 100_000_000, price: 100_000, sourceUrl: 500 } as const;
/** The longest a typed value may be, by kind (the admin form's fields stop there). */
export const SPEC_TEXT_LIMITS = { tokens: 20, modalities: 60, usd: 20 } as const;

// ---------------------------------------------------------------- the form's flat fields

const blankToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

const tokens = z.preprocess(
  blankToNull,
  z
    .string()
    .trim()
    .max(SPEC_TEXT_LIMITS.tokens, "Use a whole number of tokens, like 128000 or 128k.")
    .transform((typed, ctx) => {
      // A plain whole number, or a number with a k/M suffix ("128k", "1.5M").
      const match = /^(\d+)()$|^(\d+(?:\.\d+)?)\s*([km])$/i.exec(typed.replace(/[,_\s](?=\d)/g, ""));
      const suffix = match?.[4]?.toLowerCase();
      const scale = suffix === "m" ? 1_000_000 : suffix === "k" ? 1_000 : 1;
      const count = match ? Math.round(Number(match[1] ?? match[3]) * scale) : NaN;
      if (!Number.isSafeInteger(count) || count < 1 || count > SPEC_LIMITS.contextWindow) {
        ctx.addIssue({ code: "custom", message: "Use a whole number of tokens, like 128000 or 128k." });
        return z.NEVER;
      }
      return count;
    })
    .nullable()
    .optional()
    .transform((value) => value ?? null),
);

const usd = z.preprocess(
  blankToNull,
  z
    .string()
    .trim()
    .max(SPEC_TEXT_LIMITS.usd, "Use a price in US dollars, like 2.50.")
    .transform((typed, ctx) => {
      const plain = typed.replace(/^(?:US)?\$\s*/i, "");
      if (!/^\d+(?:\.\d{1,4})?$/.test(plain) || Number(plain) > SPEC_LIMITS.price) {
        ctx.addIssue({ code: "custom", message: "Use a price in US dollars, like 2.50 (up to four decimals)." });
        return z.NEVER;
      }
      return Number(plain);
    })
    .nullable()
    .optional()
    .transform((value) => value ?? null),
);

/** Modalities typed as "text, image": canonical order, each once; stored as an array. */
const modalities = z.preprocess(
  blankToNull,
  z
    .string()
    .trim()
    .max(SPEC_TEXT_LIMITS.modalities, "Use text, image, audio or video, separated by commas.")
    .transform((typed, ctx) => {
      const words = typed.toLowerCase().split(/[\s,;+/]+/).filter(Boolean);
      if (words.some((word) => !(MODALITIES as readonly string[]).includes(word))) {
        ctx.addIssue({ code: "custom", message: "Use text, image, audio or video, separated by commas." });
        return z.NEVER;
      }
      return MODALITIES.filter((modality) => words.includes(modality)).join(", ");
    })
    .nullable()
    .optional()
    .transform((value) => value || null),
);

const yesNo = z.preprocess(blankToNull, z.enum(["yes", "no"], { error: "Choose yes, no, or not known." }).nullable().optional().transform((value) => value ?? null));

const sourceUrl = z.preprocess(
  blankToNull,
  z
    .string()
    .trim()
    .max(SPEC_LIMITS.sourceUrl, `Keep it under ${SPEC_LIMITS.sourceUrl} characters.`)
    .regex(/^https:\/\/[^\s]+$/, "Use a full https:// address.")
    .nullable()
    .optional()
    .transform((value) => value ?? null),
);

const checkedOn = z.preprocess(
  blankToNull,
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2025-06-01.")
    .transform((value) => new Date(`${value}T00:00:00Z`))
    .refine((date) => !Number.isNaN(date.getTime()), "Use a date like 2025-06-01.")
    .refine((date) => date.getTime() <= Date.now() + 86_400_000, "A check cannot be in the future.")
    .nullable()
    .optional()
    .transform((value) => value ?? null),
);

const VALUE_SCHEMAS = {
  tokens,
  modalities,
  usd,
  yesno: yesNo,
} as const;

type FlatSpecShape = {
  [K in ValueKey]: (typeof VALUE_SCHEMAS)[Extract<(typeof SPECS)[number], { key: K }>["kind"] & keyof typeof VALUE_SCHEMAS];
} & { [K in SpecKey as `${K}Source`]: typeof sourceUrl } & { [K in SpecKey as `${K}Checked`]: typeof checkedOn };

/** The flat form fields of every spec: the value (for non-column specs), its source and its check date. */
export const specFieldsShape = Object.fromEntries(
  SPECS.flatMap((spec) => [
    ...(spec.kind === "column" ? [] : [[spec.key, VALUE_SCHEMAS[spec.kind]] as const]),
    [`${spec.key}Source`, sourceUrl] as const,
    [`${spec.key}Checked`, checkedOn] as const,
  ]),
) as unknown as FlatSpecShape;

export type SpecFields = { [K in keyof FlatSpecShape]: z.output<FlatSpecShape[K]> };
/** A tool's flat form values with its two column-held facts. */
export type SpecFieldsWithColumns = SpecFields & { license: string | null; releasedAt: Date | null };

/** A source or a check date needs the fact it supports. */
export function refineSpecFields(fields: SpecFieldsWithColumns, ctx: z.RefinementCtx) {
  for (const spec of SPECS) {
    const value = (fields as Record<string, unknown>)[spec.key];
    if (value !== null && value !== undefined) continue;
    for (const suffix of ["Source", "Checked"] as const) {
      if ((fields as Record<string, unknown>)[`${spec.key}${suffix}`] !== null) {
        ctx.addIssue({ code: "custom", path: [`${spec.key}${suffix}`], message: `Add the ${spec.label.toLowerCase()} this supports, or clear it.` });
      }
    }
  }
}

// ---------------------------------------------------------------- stored JSON

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const provenance = { sourceUrl: z.string().nullable(), checkedOn: isoDate.nullable() };

export const storedSpecsSchema = z.object({
  contextWindow: z.object({ value: z.number().int().positive(), ...provenance }).optional(),
  inputModalities: z.object({ value: z.array(z.enum(MODALITIES)).min(1), ...provenance }).optional(),
  outputModalities: z.object({ value: z.array(z.enum(MODALITIES)).min(1), ...provenance }).optional(),
  license: z.object(provenance).optional(),
  priceInput: z.object({ value: z.number().nonnegative(), ...provenance }).optional(),
  priceOutput: z.object({ value: z.number().nonnegative(), ...provenance }).optional(),
  selfHostable: z.object({ value: z.boolean(), ...provenance }).optional(),
  apiAvailable: z.object({ value: z.boolean(), ...provenance }).optional(),
  releasedAt: z.object(provenance).optional(),
});

export type ToolSpecs = z.infer<typeof storedSpecsSchema>;

/** The stored JSON read back; anything not in the shape (never written by this code) reads as unknown. */
export function readSpecs(json: unknown): ToolSpecs {
  const parsed = storedSpecsSchema.safeParse(json);
  return parsed.success ? parsed.data : {};
}

const dateText = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/** Flat form values → the JSON to store (keys in display order; only specs with something known). */
export function specsFromFields(fields: SpecFieldsWithColumns): ToolSpecs {
  const out: Record<string, unknown> = {};
  const flat = fields as unknown as Record<string, unknown>;
  for (const spec of SPECS) {
    const sourceUrl = (flat[`${spec.key}Source`] as string | null) ?? null;
    const checked = dateText((flat[`${spec.key}Checked`] as Date | null) ?? null);
    const raw = flat[spec.key];
    if (spec.kind === "column") {
      if (sourceUrl || checked) out[spec.key] = { sourceUrl, checkedOn: checked };
      continue;
    }
    if (raw === null || raw === undefined) continue;
    const value = spec.kind === "modalities" ? String(raw).split(", ") : spec.kind === "yesno" ? raw === "yes" : raw;
    out[spec.key] = { value, sourceUrl, checkedOn: checked };
  }
  return out as ToolSpecs;
}

/** Stored JSON → the flat form values (the inverse of specsFromFields for everything it writes). */
export function specsToFields(json: unknown): SpecFields {
  const specs = readSpecs(json) as Record<string, { value?: unknown; sourceUrl: string | null; checkedOn: string | null } | undefined>;
  const out: Record<string, unknown> = {};
  for (const spec of SPECS) {
    const fact = specs[spec.key];
    if (spec.kind !== "column") {
      const value = fact?.value;
      out[spec.key] =
        value === undefined ? null : spec.kind === "modalities" ? (value as string[]).join(", ") : spec.kind === "yesno" ? (value ? "yes" : "no") : value;
    }
    out[`${spec.key}Source`] = fact?.sourceUrl ?? null;
    out[`${spec.key}Checked`] = fact?.checkedOn ? new Date(`${fact.checkedOn}T00:00:00Z`) : null;
  }
  return out as SpecFields;
}

/** The names of the flat spec fields, in form order. */
export const SPEC_FIELD_NAMES = Object.keys(specFieldsShape) as (keyof SpecFields)[];
