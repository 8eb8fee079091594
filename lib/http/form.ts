import { z } from "zod";

/** The text fields of a submitted form (files dropped; for a repeated name, the last value). */
export function formFields(formData: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string") fields[key] = value;
  return fields;
}

/**
 * The first field holding a NUL character, which PostgreSQL cannot store in
 * text. Browsers send it as typed; such a form is refused with a message,
 * never saved with the character silently changed.
 */
export function fieldWithNul(fields: Record<string, FormDataEntryValue>): string | null {
  return Object.keys(fields).find((key) => typeof fields[key] === "string" && fields[key].includes("\u0000")) ?? null;
}

export const NUL_MESSAGE = "Remove the invisible NUL character: it cannot be stored.";

/** The form-state answer for a form holding a NUL character. */
export function nulRefusal(field: string) {
  return { error: "Fix the highlighted fields.", fieldErrors: { [field]: NUL_MESSAGE } };
}

/** A checkbox: browsers send "on" when it is ticked and leave the field out when it is not. */
export const checkboxSchema = z
  .union([z.literal("on"), z.literal("true"), z.literal("false"), z.boolean(), z.null()])
  .optional()
  .transform((value) => value === true || value === "on" || value === "true");
