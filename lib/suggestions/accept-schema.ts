import { z } from "zod";
import { toolInputSchema } from "@/lib/tools/admin-schema";
import { SUGGESTION_LIMITS } from "./schema";

/** Staff accept a suggested tool: the draft tool's fields (the tool form's rules), the suggestion, and an optional note for the reader. */
export const acceptFormSchema = toolInputSchema.safeExtend({
  suggestion: z.string().min(1).max(40),
  note: z
    .string()
    .trim()
    .max(SUGGESTION_LIMITS.note, `Keep it under ${SUGGESTION_LIMITS.note} characters.`)
    .optional()
    .transform((value) => (value ? value : null)),
});
