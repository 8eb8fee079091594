import { z } from "zod";
import { DECISIONS, type Decision } from "@/lib/scores/decision";
import { checkboxSchema as checkbox, createOrEdit } from "@/lib/http/form";

/** The longest each text field may be: the schemas below refuse more, the admin editor's fields stop there. */
export const VERDICT_LIMITS = { body: 10_000, reason: 300 } as const;

/** A staff edit of one verdict, as the admin form sends it. */
export const verdictEditSchema = z.object({
  verdictId: z.string().min(1).max(40),
  expectedVersion: z.coerce.number().int().min(1),
  decision: z.enum(DECISIONS, { error: "Choose ship or skip." }),
  body: z
    .string({ error: "Write the case." })
    .trim()
    .min(40, "The case needs at least 40 characters.")
    .max(VERDICT_LIMITS.body, "Keep the case under 10,000 characters."),
  published: checkbox,
  reason: z
    .string({ error: "Say why you are changing it." })
    .trim()
    .min(3, "Say why you are changing it (shown in the public history).")
    .max(VERDICT_LIMITS.reason, "Keep the reason under 300 characters."),
});

export type VerdictEdit = z.infer<typeof verdictEditSchema>;

/** A new verdict: a reviewer's first call on a tool. */
export const verdictCreateSchema = verdictEditSchema.omit({ verdictId: true, expectedVersion: true }).extend({
  toolId: z.string().min(1).max(40),
  reviewerId: z.string().min(1).max(40),
  reason: verdictEditSchema.shape.reason.optional().transform((value) => value || "First written"),
});

export type VerdictCreate = z.infer<typeof verdictCreateSchema>;

/** The admin editor: edits a verdict (with its hidden `verdictId` and `expectedVersion`) or writes a reviewer's first one on a tool. */
export const verdictFormSchema = createOrEdit("verdictId", { edit: verdictEditSchema, create: verdictCreateSchema });

export const verdictRestoreSchema = z.object({
  verdictId: z.string().min(1).max(40),
  expectedVersion: z.coerce.number().int().min(1),
  version: z.coerce.number().int().min(1),
  reason: z.string().trim().max(VERDICT_LIMITS.reason).optional(),
});

export type VerdictState = { decision: Decision; body: string; published: boolean };
