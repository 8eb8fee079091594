import { z } from "zod";
import { checkboxSchema, createOrEdit } from "@/lib/http/form";
import { toolSlugSchema } from "@/lib/tools/schema";

const lines = z
  .string()
  .max(2000)
  .optional()
  .transform((value) => (value ?? "").split("\n").map((line) => line.trim()).filter(Boolean))
  .refine((items) => items.length <= 10, "At most 10 items.")
  .refine((items) => items.every((item) => item.length <= 120), "Keep each item under 120 characters.");

/** A reviewer persona as the admin form sends it ("excited by" / "tired of" one item a line). */
export const reviewerInputSchema = z.object({
  slug: toolSlugSchema,
  name: z.string().trim().min(2, "Give the persona a name.").max(80),
  lens: z.string().trim().min(3, "Name the lens, e.g. Developer experience.").max(80),
  bio: z.string().trim().min(20, "Write a short bio (20+ characters).").max(1000),
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
