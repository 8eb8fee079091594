/** PostgreSQL NOTIFY channels. Plain constants: the proxy imports them without server code. */

/** Every counter change, with the tool's slug and counters (lib/stats/write.ts). */
export const TOOL_STATS_CHANNEL = "tool_stats";

/** A staff edit of public content (tool, reviewer, verdict, comparison): payload is the entity type. */
export const SITE_CONTENT_CHANNEL = "site_content";
