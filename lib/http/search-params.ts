import { z } from "zod";

/**
 * A free-text search parameter of a page (admin filters): control characters
 * (NUL above all, which PostgreSQL refuses) become spaces, the text is trimmed
 * and cut to `max`; a repeated or missing parameter is no search at all.
 */
export const searchTextParam = (max = 100) =>
  z
    .string()
    .transform((text) => text.replace(/[\u0000-\u001f\u007f]/g, " ").replace(/\s+/g, " ").trim().slice(0, max) || undefined)
    .optional()
    .catch(undefined);

/** One of a few fixed values, else the default (a stale or hand-edited URL still shows the page). */
export const choiceParam = <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) => z.enum(values).catch(fallback);
