import { z } from "zod";
import { toolSlugSchema } from "@/lib/tools/schema";

/**
 * What the database announces (PostgreSQL NOTIFY), one place for the names
 * and the payloads. Plain zod and constants: the browser's live figures parse
 * the same `toolStatsChangeSchema` the server writes.
 */
export const CHANNELS = {
  /** Every change of a tool's four counters (a vote, a verdict, reconcile): the figures. */
  toolStats: "tool_stats",
  /** A staff edit of public content: what changed, typed (lib/db-events/announce.ts). */
  content: "content_changed",
  /** A tool's reasons changed without its counters (a reason written, edited or removed, a helpful mark, a report). */
  reasons: "reasons_changed",
  /** What GET /api/me answers for a reader changed (their votes, follows, name, role or sessions): triggers announce it (migration 20261205000000). */
  viewer: "viewer_changed",
  /** The listener's own round trip: proves NOTIFYs arrive (lib/db-events/listener.ts). */
  ping: "db_events_ping",
} as const;

export type Channel = (typeof CHANNELS)[keyof typeof CHANNELS];

const count = z.number().int().nonnegative();

/** One tool's four counters, as stored in ToolStats. */
export const toolStatsSchema = z.object({ panelShip: count, panelTotal: count, communityShip: count, communityTotal: count });

/** A tool's counters after a write, as NOTIFY carries them and the SSE `stats` event sends them on. */
export const toolStatsChangeSchema = toolStatsSchema.extend({
  toolId: z.string().min(1),
  slug: toolSlugSchema,
  /** Milliseconds since the epoch at the database when the write happened. */
  at: z.number(),
});
export type ToolStatsChange = z.infer<typeof toolStatsChangeSchema>;

/**
 * What a staff edit changed. The page cache drops exactly the pages that show
 * it (lib/page-cache/invalidation.ts); a new kind of edit adds a member here.
 */
export const contentChangeSchema = z.discriminatedUnion("kind", [
  /** A tool's catalogue entry (name, pricing, archived…): every slug it had before and after the edit. */
  z.object({ kind: z.literal("tool"), slugs: z.array(toolSlugSchema).min(1).max(2) }),
  /** A verdict on this tool (its call, case or published state). */
  z.object({ kind: z.literal("verdict"), tool: toolSlugSchema }),
  /** A curated comparison of these two tools (headline, intro, status). */
  z.object({ kind: z.literal("comparison"), tools: z.tuple([toolSlugSchema, toolSlugSchema]) }),
  /** A moderator hid or restored a reader's reason on this tool: it leaves (or returns to) its pages at once. */
  z.object({ kind: z.literal("reasons"), tool: toolSlugSchema }),
  /** A reviewer persona: shown beside every tool's verdicts. */
  z.object({ kind: z.literal("reviewer") }),
  /** Anything else public (categories, site-wide copy), or an edit made outside the app. */
  z.object({ kind: z.literal("site") }),
]);
export type ContentChange = z.infer<typeof contentChangeSchema>;

/** An edit that may have changed a tool's name or slug: a catalogue edit, or one announced as site-wide (an operator's word after editing rows by hand). */
export const mayRenameTools = (change: ContentChange) => change.kind === "tool" || change.kind === "site";

/** Which tool's reasons changed (cast_vote and lib/reasons/writes.ts announce it). */
export const reasonsChangeSchema = z.object({ slug: toolSlugSchema });
export type ReasonsChange = z.infer<typeof reasonsChangeSchema>;

/** One reader's /api/me answer changed, or (after a TRUNCATE) possibly everyone's. */
export const viewerChangeSchema = z.union([z.object({ userId: z.string().min(1).max(64) }).strict(), z.object({ all: z.literal(true) }).strict()]);
export type ViewerChange = z.infer<typeof viewerChangeSchema>;

/** The payload each subscribable channel carries, parsed by the one listener before any subscriber sees it. */
export const CHANNEL_PAYLOADS = {
  [CHANNELS.toolStats]: toolStatsChangeSchema,
  [CHANNELS.content]: contentChangeSchema,
  [CHANNELS.reasons]: reasonsChangeSchema,
  [CHANNELS.viewer]: viewerChangeSchema,
} satisfies Partial<Record<Channel, z.ZodType>>;

export type EventChannel = keyof typeof CHANNEL_PAYLOADS;
export type ChannelPayload<C extends EventChannel> = z.infer<(typeof CHANNEL_PAYLOADS)[C]>;

/** A notification's or an SSE event's text as JSON, or null when it is not JSON (the schema then refuses it). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
