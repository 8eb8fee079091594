import { z } from "zod";
import { hasControlCharacters } from "@/lib/reasons/schema";
import { PRICING_MODELS } from "@/lib/tools/pricing-models";
import { toolSlugSchema } from "@/lib/tools/schema";

// No `server-only`: the suggestion forms (client) and the API's OpenAPI document read these too.

/** The longest each field may be (the database checks the same bounds). */
export const SUGGESTION_LIMITS = { name: 80, website: 500, pitch: 160, vendor: 80, details: 1000, note: 500 } as const;

/** The pricing models a reader may name: the catalogue's own. */
export { PRICING_MODEL_LABELS, PRICING_MODELS } from "@/lib/tools/pricing-models";

export const PROBLEM_CATEGORIES = ["dead-product", "wrong-price", "wrong-facts", "other"] as const;
export type ProblemCategoryJson = (typeof PROBLEM_CATEGORIES)[number];
export const PROBLEM_LABELS: Record<ProblemCategoryJson, string> = {
  "dead-product": "The product is gone (shut down, dead link)",
  "wrong-price": "The price is wrong",
  "wrong-facts": "A fact is wrong (specs, vendor, licence…)",
  other: "Something else",
};
export const toProblemCategory = (value: ProblemCategoryJson) => value.toUpperCase().replace(/-/g, "_") as "DEAD_PRODUCT" | "WRONG_PRICE" | "WRONG_FACTS" | "OTHER";
export const fromProblemCategory = (value: string) => value.toLowerCase().replace(/_/g, "-") as ProblemCategoryJson;

export const SUGGESTION_STATUSES = ["received", "accepted", "merged", "declined"] as const;
export type SuggestionStatusJson = (typeof SUGGESTION_STATUSES)[number];

/** One line of text: no control characters at all (PostgreSQL cannot store NUL; a line break has no place in a name). */
const oneLine = (text: string) => !/[\u0000-\u001f\u007f]/.test(text);
const ONE_LINE_MESSAGE = "Keep it to one line of plain text.";
const CONTROL_MESSAGE = "Remove the control characters.";

const text = (max: number, empty: string, multiline = false) =>
  z
    .string()
    .trim()
    .min(1, empty)
    .max(max, `Keep it under ${max} characters.`)
    .refine(multiline ? (value) => !hasControlCharacters(value) : oneLine, multiline ? CONTROL_MESSAGE : ONE_LINE_MESSAGE);
const optionalText = (max: number, multiline = false) =>
  z
    .string()
    .trim()
    .max(max, `Keep it under ${max} characters.`)
    .refine(multiline ? (value) => !hasControlCharacters(value) : oneLine, multiline ? CONTROL_MESSAGE : ONE_LINE_MESSAGE)
    .optional()
    .transform((value) => (value ? value : null));

/** A website as readers type it: "cursor.com", "https://www.cursor.com/pricing". Stored as https://…, its host as the domain. */
export const websiteSchema = z
  .string()
  .trim()
  .min(1, "Give its website.")
  .max(SUGGESTION_LIMITS.website, `Keep it under ${SUGGESTION_LIMITS.website} characters.`)
  .refine(oneLine, "That is not a web address (e.g. example.com).")
  .transform((value, context) => {
    const candidate = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`;
    let url: URL;
    try {
      url = new URL(candidate);
    } catch {
      context.addIssue({ code: "custom", message: "That is not a web address (e.g. example.com)." });
      return z.NEVER;
    }
    if ((url.protocol !== "https:" && url.protocol !== "http:") || !/^([a-z0-9-]+\.)+[a-z]{2,}$/i.test(url.hostname) || url.username || url.password) {
      context.addIssue({ code: "custom", message: "That is not a public web address (e.g. example.com)." });
      return z.NEVER;
    }
    url.protocol = "https:";
    url.hash = "";
    return { url: url.toString(), siteKey: siteKeyOf(url) };
  });

/**
 * A website as the duplicate check compares it: the host in lower case without
 * "www." or a port, then the path without a trailing slash (no query, no
 * fragment). The path matters: github.com, huggingface.co and a vendor's own
 * site each host several tools. The same rule in SQL: SITE_KEY_SQL in duplicates.ts.
 */
export function siteKeyOf(url: URL): string {
  const host = url.hostname.toLowerCase().replace(/\.$/, "").replace(/^www\./, "");
  let path = url.pathname;
  try {
    path = decodeURI(path);
  } catch {
    // A malformed escape stays as typed.
  }
  path = path.toLowerCase().replace(/\/+$/, "");
  return `${host}${path}`;
}

const suggestToolShape = {
  name: text(SUGGESTION_LIMITS.name, "Give the tool's name."),
  website: websiteSchema,
  /** The category's slug. */
  category: z.string().trim().min(1, "Choose a category.").max(80).refine(oneLine, "Choose a category."),
  pitch: text(SUGGESTION_LIMITS.pitch, "Say in one line what it does."),
  vendor: optionalText(SUGGESTION_LIMITS.vendor),
  pricingModel: z
    .enum(["", ...PRICING_MODELS], { error: "Choose a pricing model, or leave it blank." })
    .optional()
    .transform((value) => (value ? value : null)),
};

/** A tool suggestion from the /suggest form. */
export const suggestToolSchema = z.object(suggestToolShape);
export type SuggestToolInput = z.output<typeof suggestToolSchema>;

/** `POST /api/suggestions`: the same fields as JSON; a field this API does not know is refused. */
export const suggestToolBodySchema = z.strictObject(suggestToolShape);

/** "Report a problem" on a tool page. */
export const reportProblemSchema = z.object({
  tool: toolSlugSchema,
  category: z.enum(PROBLEM_CATEGORIES, { error: "Choose what is wrong." }),
  details: text(SUGGESTION_LIMITS.details, "Tell us what is wrong, and where you saw it.", true),
});

const idField = z.string().min(1).max(40);
const optionalNote = optionalText(SUGGESTION_LIMITS.note, true);

/** Staff: fold a suggested tool into a listed one. */
export const mergeFormSchema = z.object({ suggestion: idField, tool: toolSlugSchema, note: optionalNote });
/** Staff: decline, with the reason the reader sees. */
export const declineFormSchema = z.object({ suggestion: idField, note: text(SUGGESTION_LIMITS.note, "Say why: the reader sees it.", true) });
/** Staff: a reported problem was fixed. */
export const resolveFormSchema = z.object({ suggestion: idField, note: optionalNote });

export type SuggestionFormState = { ok?: string; error?: string; fieldErrors?: Record<string, string>; values?: Record<string, string>; duplicate?: DuplicateMatch };
export type TriageFormState = { ok?: string; error?: string; fieldErrors?: Record<string, string>; values?: Record<string, string> };

/** What a suggestion duplicates: a listed tool (named, linked), or one already suggested or in the works (not named). */
export type DuplicateMatch = { kind: "tool"; slug: string; name: string } | { kind: "suggestion"; name: string };

export const suggestionResponse = z.object({ data: z.object({ id: z.string(), status: z.enum(SUGGESTION_STATUSES) }) });
export const duplicateResponse = z.object({
  error: z.object({
    code: z.literal("duplicate"),
    message: z.string(),
    match: z.union([
      z.object({ kind: z.literal("tool"), slug: z.string(), name: z.string(), url: z.string() }),
      z.object({ kind: z.literal("suggestion"), name: z.string() }),
    ]),
  }),
});

/** A slug for the draft tool made from a suggested name ("Cursor AI" → "cursor-ai"); staff may change it. */
export function suggestedSlug(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .replace(/-vs-/g, "-")
    .slice(0, 80)
    .replace(/-+$/, "");
  return slug || "tool";
}
