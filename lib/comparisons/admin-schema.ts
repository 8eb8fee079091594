import { z } from "zod";
import { createOrEdit } from "@/lib/http/form";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep it under ${max} characters.`)
    .optional()
    .transform((value) => (value ? value : null));

export const PICK_MAX = 240;

/** The longest each text field may be: the schemas below refuse more, the admin form's fields stop there. */
export const COMPARISON_LIMITS = { headline: 160, intro: 1000, pickA: PICK_MAX, pickB: PICK_MAX } as const;

/** What an edit may change: the two tools of a comparison are fixed once it exists. */
const comparisonText = {
  headline: optionalText(COMPARISON_LIMITS.headline),
  intro: optionalText(COMPARISON_LIMITS.intro),
  /** The bottom line: what follows "Pick <tool A> if …" and "Pick <tool B> if …". */
  pickA: optionalText(COMPARISON_LIMITS.pickA),
  pickB: optionalText(COMPARISON_LIMITS.pickB),
  status: z.enum(["DRAFT", "PUBLISHED"]).default("DRAFT"),
};

/** The bottom line is both halves or none: half of it would read as a verdict for one side. */
function bothPicksOrNeither(value: { pickA: string | null; pickB: string | null }) {
  return (value.pickA === null) === (value.pickB === null);
}
const PICKS_REFUSAL = { path: ["pickB"], message: "Write both halves of the bottom line, or leave both empty." };

export const comparisonInputSchema = z
  .object({
    toolAId: z.string().min(1, "Choose tool A.").max(40),
    toolBId: z.string().min(1, "Choose tool B.").max(40),
    ...comparisonText,
  })
  .refine((value) => value.toolAId !== value.toolBId, { path: ["toolBId"], message: "Choose two different tools." })
  .refine(bothPicksOrNeither, PICKS_REFUSAL);

export type ComparisonInput = z.infer<typeof comparisonInputSchema>;

export const comparisonUpdateSchema = z
  .object({
    id: z.string().min(1).max(40),
    expectedVersion: z.coerce.number().int().min(1),
    ...comparisonText,
  })
  .refine(bothPicksOrNeither, PICKS_REFUSAL);

/** The admin comparison form: creates a comparison, or (with its hidden `id` and `expectedVersion`) edits its text and state. */
export const comparisonFormSchema = createOrEdit("id", { edit: comparisonUpdateSchema, create: comparisonInputSchema });
