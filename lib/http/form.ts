import { z } from "zod";
import "./zod-messages";

/**
 * Pieces of form schemas. Forms are read and refused in one place,
 * lib/http/action.ts; what is here shapes what a form's fields mean.
 */

/**
 * The message for a field holding a NUL character, which PostgreSQL cannot
 * store in text. Browsers send it as typed; such a form is refused, never
 * saved with the character silently changed.
 */
export const NUL_MESSAGE = "Remove the invisible NUL character: it cannot be stored.";

/** A checkbox: browsers send "on" when it is ticked and leave the field out when it is not. */
export const checkboxSchema = z
  .union([z.literal("on"), z.literal("true"), z.literal("false"), z.boolean(), z.null()])
  .optional()
  .transform((value) => value === true || value === "on" || value === "true");

/**
 * One form that creates a record or, when it carries a non-empty `key` (a
 * hidden id), edits that record: the fields are parsed by `edit` or by
 * `create`, and the data says which (`mode`). Each variant reports its own
 * field errors, all at once.
 */
export function createOrEdit<E extends z.ZodObject, C extends z.ZodObject>(
  key: string,
  variants: { edit: E; create: C },
): z.ZodType<(z.output<E> & { mode: "edit" }) | (z.output<C> & { mode: "create" }), Record<string, unknown>> {
  const schema = z.preprocess(
    (fields) => {
      const record = (typeof fields === "object" && fields !== null ? fields : {}) as Record<string, unknown>;
      return { ...record, mode: record[key] ? "edit" : "create" };
    },
    z.discriminatedUnion("mode", [variants.edit.safeExtend({ mode: z.literal("edit") }), variants.create.safeExtend({ mode: z.literal("create") })]),
  );
  // zod cannot follow `safeExtend` on a generic object; the output is each variant's plus its `mode`.
  return schema as unknown as z.ZodType<(z.output<E> & { mode: "edit" }) | (z.output<C> & { mode: "create" }), Record<string, unknown>>;
}
