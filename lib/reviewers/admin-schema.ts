import { z } from "zod";
import { checkboxSchema, createOrEdit } from "@/lib/http/form";
import { SLUG_MAX_LENGTH, toolSlugSchema } from "@/lib/tools/schema";

const LINES_MAX = 2000;

/** The longest each text field may be: the schema below refuses more, the admin form's fields stop there. */
export const REVIEWER_LIMITS = { slug: SLUG_MAX_LENGTH, name: 80, lens: 80, bio: 1000, excitedBy: LINES_MAX, tiredOf: LINES_MAX } as const;

const lines = z
  .string()
  .max(LINES_MAX)
  .optional()
  .transform((value) => (value ?? "").split("\n").map((line) => line.trim()).filter(Boolean))
  .refine((items) => items.length <= 10, "At most 10 items.")
  .refine((items) => items.every((item) => item.length <= 120), "Keep each item under 120 characters.");

/** A reviewer persona as the admin form sends it ("excited by" / "tired of" one item a line). */
export const reviewerInputSchema = z.object({
  slug: toolSlugSchema,
  name: z.string().trim().min(2, "Give the persona a name.").max(REVIEWER_LIMITS.name),
  lens: z.string().trim().min(3, "Name the lens, e.g. Developer experience.").max(REVIEWER_LIMITS.lens),
  bio: z.string().trim().min(20, "Write a short bio (20+ characters).").max(REVIEWER_LIMITS.bio),
  excitedBy: lines,
  tiredOf: lines,
  active: checkboxSchema,
});

export type ReviewerInput = z.infer<typeof reviewerInputSchema>;

/** The admin persona form: adds a persona, or (with its hidden `id`) edits one. */
export const reviewerFormSchema = createOrEdit("id", { edit: reviewerInputSchema.extend({ id: z.string().min(1).max(40) }), create: reviewerInputSchema });

/** The ↑ / ↓ buttons of the panel order. */
export const reviewerMoveSchema = z.object({
  id: z.string().min(1).max(40),
  direction: z.enum(["up", "down"]),
});
