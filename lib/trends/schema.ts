import { z } from "zod";

/** How many days a tool's trend shows by default, and at most (a year, leap day included). */
export const HISTORY_DAYS = 180;
export const MAX_HISTORY_DAYS = 366;

/** `GET /api/tools/:slug/history?days=`: 1..366, 180 by default. */
export const toolHistoryQuerySchema = z.object({
  days: z.coerce
    .number()
    .int("days must be a whole number")
    .min(1, "days starts at 1")
    .max(MAX_HISTORY_DAYS, `days is at most ${MAX_HISTORY_DAYS}`)
    .default(HISTORY_DAYS),
});
