import { z } from "zod";
import { hasControlCharacters } from "@/lib/reasons/schema";
import { toolSlugSchema } from "@/lib/tools/schema";

/** How far back a void reaches, in minutes: the last hour by default, up to a week. */
export const VOID_WINDOWS = ["60", "180", "1440", "10080"] as const;
export const VOID_WINDOW_LABELS: Record<(typeof VOID_WINDOWS)[number], string> = {
  "60": "the last hour",
  "180": "the last 3 hours",
  "1440": "the last day",
  "10080": "the last week",
};

const note = z
  .string({ error: "Say why." })
  .trim()
  .min(3, "Say why, in a few words: it is kept in the audit log.")
  .max(500, "At most 500 characters.")
  .refine((text) => !hasControlCharacters(text), "No control characters.");

/** /admin/integrity's void form: a tool's votes cast in a window, from new accounts only (the default) or from all. */
export const voidFormSchema = z.object({
  tool: toolSlugSchema,
  window: z.enum(VOID_WINDOWS, { error: "Choose how far back." }),
  scope: z.enum(["new", "all"], { error: "Choose whose votes." }),
  reason: note,
});

export const voidIdSchema = z.string().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/, "Not a void.");
export const restoreFormSchema = z.object({ void: voidIdSchema });

export type IntegrityFormState = { ok?: string; error?: string };
