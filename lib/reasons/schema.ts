import { z } from "zod";
import { DECISIONS_JSON } from "@/lib/scores/decision";

/** Reasons on each side of a tool or comparison page ("Why readers ship / skip"), and "top reasons" in a follow digest. */
export const TOP_REASONS = 3;

/** The longest reason, in characters as the browser counts them (the database checks ≤ 500 code points too). */
export const REASON_MAX = 500;

/** Control characters other than line breaks and tabs (NUL above all, which PostgreSQL refuses): what free text here may not hold. */
export const hasControlCharacters = (text: string) => /[\u0000-\u0008\u000b-\u001f\u007f]/.test(text);

/**
 * A reason's text as stored: shown as typed, so only what cannot be shown is
 * refused (control characters other than line breaks and tabs; NUL above all,
 * which PostgreSQL refuses); Windows line breaks become "\n"; spaces around go.
 * Empty after that means "no reason".
 */
export const reasonTextSchema = z
  .string({ error: "A reason is text." })
  .overwrite((text) => text.replace(/\r\n?/g, "\n").trim())
  .max(REASON_MAX, `A reason is at most ${REASON_MAX} characters.`)
  .refine((text) => !hasControlCharacters(text), "A reason cannot contain control characters.")
  .transform((text) => text || null);

/** The reason field of a vote: absent keeps the reason (dropped on a flip), a text sets it, null or "" removes it. */
export const reasonFieldSchema = reasonTextSchema.nullable().optional();

export const REASON_SORTS = ["helpful", "newest"] as const;
export type ReasonSort = (typeof REASON_SORTS)[number];

/** Where a page of reasons ends: the last reason's sort key. Opaque to clients (base64url JSON). */
export const reasonCursorSchema = z.union([
  z.tuple([z.literal("h"), z.number().min(0).max(1), z.iso.datetime(), z.string().min(1).max(40)]),
  z.tuple([z.literal("n"), z.iso.datetime(), z.string().min(1).max(40)]),
]);
export type ReasonCursor = z.infer<typeof reasonCursorSchema>;

export function encodeCursor(cursor: ReasonCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

const cursorText = z
  .string()
  .max(200, "That cursor is not one this site gave out.")
  .transform((text, context) => {
    let value: unknown;
    try {
      value = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    } catch {
      value = undefined;
    }
    const parsed = reasonCursorSchema.safeParse(value);
    if (!parsed.success) {
      context.addIssue({ code: "custom", message: "That cursor is not one this site gave out." });
      return z.NEVER;
    }
    return parsed.data;
  });

/** `GET /api/tools/:slug/reasons` and `/tools/:slug/reasons`: `decision`, `sort`, `cursor`. */
export const reasonListQuerySchema = z
  .object({
    decision: z.enum(DECISIONS_JSON, { error: 'decision must be "ship" or "skip"' }).optional(),
    sort: z.enum(REASON_SORTS, { error: 'sort must be "helpful" or "newest"' }).default("helpful"),
    cursor: cursorText.optional(),
  })
  .refine((query) => !query.cursor || (query.cursor[0] === "h") === (query.sort === "helpful"), {
    message: "That cursor belongs to another sort order.",
    path: ["cursor"],
  });
export type ReasonListQuery = z.infer<typeof reasonListQuerySchema>;

/** A reason id as this site makes them (a UUID from cast_vote). */
export const reasonIdSchema = z.string().min(1).max(40).regex(/^[0-9a-f-]+$/, "Not a reason id");

export const REPORT_CATEGORIES = ["spam", "abuse", "off-topic", "other"] as const;
export type ReportCategoryJson = (typeof REPORT_CATEGORIES)[number];

/** A report's category as the API says it → as the database stores it (enum ReportCategory). */
export const REPORT_CATEGORY_DB = { spam: "SPAM", abuse: "ABUSE", "off-topic": "OFF_TOPIC", other: "OTHER" } as const satisfies Record<ReportCategoryJson, string>;
/** The database's category → the API's. */
export const REPORT_CATEGORY_JSON = Object.fromEntries(Object.entries(REPORT_CATEGORY_DB).map(([json, db]) => [db, json])) as Record<
  (typeof REPORT_CATEGORY_DB)[ReportCategoryJson],
  ReportCategoryJson
>;

/** Body of POST /api/reasons/:id/report. */
export const reportBodySchema = z.strictObject({
  category: z.enum(REPORT_CATEGORIES, { error: 'category must be "spam", "abuse", "off-topic" or "other"' }),
  note: z
    .string({ error: "A note is text." })
    .trim()
    .max(500, "A note is at most 500 characters.")
    .refine((text) => !hasControlCharacters(text), "A note cannot contain control characters.")
    .transform((text) => text || null)
    .optional(),
});

/** A reason as the API and the pages show it: never the author's email, only the public name. */
export type PublicReason = {
  id: string;
  decision: "ship" | "skip";
  text: string;
  helpful: number;
  createdAt: string;
  author: { name: string };
};

/**
 * The reasons page's query, leniently: a stale or hand-edited URL still shows
 * the page (an unknown side or sort falls back, a bad cursor starts over).
 */
export function readReasonPageQuery(params: Record<string, string | string[] | undefined>): ReasonListQuery {
  const single = Object.fromEntries(Object.entries(params).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  const strict = reasonListQuerySchema.safeParse(single);
  if (strict.success) return strict.data;
  const decision = z.enum(DECISIONS_JSON).optional().catch(undefined).parse(single.decision);
  const sort = z.enum(REASON_SORTS).catch("helpful").parse(single.sort);
  return { decision, sort, cursor: undefined };
}

/** The helpful button's form: the reason, and whether to mark ("on") or unmark ("off"). */
export const helpfulFormSchema = z.object({ reason: reasonIdSchema, helpful: z.enum(["on", "off"]) });
export type HelpfulFormState = { marked?: boolean; helpful?: number; error?: string; signIn?: boolean };

/** The report form: the reason, a category, an optional note. */
export const reportFormSchema = z.object({
  reason: reasonIdSchema,
  category: z.enum(REPORT_CATEGORIES, { error: "Choose what is wrong with it." }),
  note: reportBodySchema.shape.note,
});
export type ReportFormState = { ok?: string; error?: string; signIn?: boolean; values?: Record<string, string> };
