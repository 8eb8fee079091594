import { z } from "zod";
import { toolSlugSchema } from "@/lib/tools/schema";

/** The most tools one live stream follows (a comparison needs two; a list page a dozen). */
export const MAX_LIVE_TOOLS = 24;

/** `GET /api/live?tools=a,b`: distinct tool slugs. */
export const liveQuerySchema = z.object({
  tools: z
    .string({ error: "tools is required: a comma-separated list of tool slugs" })
    .transform((value) => [...new Set(value.split(",").map((slug) => slug.trim()).filter(Boolean))])
    .pipe(z.array(toolSlugSchema).min(1, "Name at least one tool").max(MAX_LIVE_TOOLS, `Follow at most ${MAX_LIVE_TOOLS} tools`)),
});
