import { z } from "zod";
import { toolSlugSchema } from "@/lib/tools/schema";

const count = z.number().int().nonnegative();

/** One tool's counters as they travel: NOTIFY payload in, SSE `stats` event out. */
export const toolStatsChangeSchema = z.object({
  toolId: z.string().min(1),
  slug: toolSlugSchema,
  panelShip: count,
  panelTotal: count,
  communityShip: count,
  communityTotal: count,
  /** Milliseconds since the epoch at the database when the write happened. */
  at: z.number(),
});

export type ToolStatsChange = z.infer<typeof toolStatsChangeSchema>;

/** The most tools one live stream follows (a comparison needs two; a list page a dozen). */
export const MAX_LIVE_TOOLS = 24;

/** `GET /api/live?tools=a,b`: distinct tool slugs. */
export const liveQuerySchema = z.object({
  tools: z
    .string({ error: "tools is required: a comma-separated list of tool slugs" })
    .transform((value) => [...new Set(value.split(",").map((slug) => slug.trim()).filter(Boolean))])
    .pipe(z.array(toolSlugSchema).min(1, "Name at least one tool").max(MAX_LIVE_TOOLS, `Follow at most ${MAX_LIVE_TOOLS} tools`)),
});
