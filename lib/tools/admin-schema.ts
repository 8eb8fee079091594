import { z } from "zod";
import { createOrEdit } from "@/lib/http/form";
import { refineSpecFields, specFieldsShape, type SpecFields } from "@/lib/specs/schema";
import { PRICING_MODELS } from "./pricing-models";
import { SLUG_MAX_LENGTH, toolSlugSchema } from "./schema";

/** The longest each text field may be: the schema below refuses more, the admin form's inputs stop there. */
export const TOOL_LIMITS = {
  slug: SLUG_MAX_LENGTH,
  name: 80,
  vendor: 80,
  tagline: 120,
  description: 2000,
  website: 500,
  license: 120,
  entryPrice: 40,
  pricingDetail: 500,
  pricingSourceUrl: 500,
} as const;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep it under ${max} characters.`)
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .optional()
    .transform((value) => value ?? null);

const optionalUrl = z
  .string()
  .trim()
  .max(TOOL_LIMITS.website, `Keep it under ${TOOL_LIMITS.website} characters.`)
  .transform((value) => (value === "" ? null : value))
  .nullable()
  .optional()
  .transform((value) => value ?? null)
  .refine((value) => value === null || /^https:\/\/[^\s]+$/.test(value), "Use a full https:// address.");

const optionalDate = z
  .string()
  .trim()
  .transform((value) => (value === "" ? null : value))
  .nullable()
  .optional()
  .transform((value) => value ?? null)
  .refine((value) => value === null || /^\d{4}-\d{2}-\d{2}$/.test(value), "Use a date like 2025-06-01.")
  .transform((value) => (value ? new Date(`${value}T00:00:00Z`) : null));

/** Every catalogue field of a tool, as the admin form sends it (specs as flat fields, lib/specs/schema.ts). */
const toolFieldsSchema = z.object({
  slug: toolSlugSchema.refine((slug) => !slug.includes("-vs-"), 'A tool slug cannot contain "-vs-".'),
  name: z.string().trim().min(1, "Give the tool a name.").max(TOOL_LIMITS.name),
  vendor: z.string().trim().min(1, "Who makes it?").max(TOOL_LIMITS.vendor),
  categoryId: z.string().min(1, "Choose a category.").max(40),
  tagline: z.string().trim().min(10, "Write a tagline (10+ characters).").max(TOOL_LIMITS.tagline),
  description: z.string().trim().min(40, "Describe it (40+ characters).").max(TOOL_LIMITS.description),
  website: optionalUrl,
  license: optionalText(TOOL_LIMITS.license),
  pricingModel: z.enum(PRICING_MODELS, { error: "Choose a pricing model." }),
  entryPrice: optionalText(TOOL_LIMITS.entryPrice),
  pricingDetail: optionalText(TOOL_LIMITS.pricingDetail),
  pricingSourceUrl: optionalUrl,
  pricingVerifiedAt: optionalDate,
  releasedAt: optionalDate,
  ...specFieldsShape,
});

export const toolInputSchema = toolFieldsSchema.superRefine(refineSpecFields);

/** A tool's catalogue fields; a spec left out is unknown (as the form's empty field is). */
export type ToolInput = Omit<z.infer<typeof toolInputSchema>, keyof SpecFields> & Partial<SpecFields>;
export const TOOL_FIELDS = Object.keys(toolFieldsSchema.shape) as (keyof ToolInput)[];

export const toolUpdateSchema = toolInputSchema.safeExtend({
  id: z.string().min(1).max(40),
  expectedVersion: z.coerce.number().int().min(1),
});

/** The admin tool form: adds a tool, or (with its hidden `id` and `expectedVersion`) edits one. */
export const toolFormSchema = createOrEdit("id", { edit: toolUpdateSchema, create: toolInputSchema });

/** The archive / restore button: `archived` is "true" to archive, "false" to restore. */
export const toolArchiveSchema = z.object({
  id: z.string().min(1).max(40),
  archived: z.enum(["true", "false"]).transform((value) => value === "true"),
});
