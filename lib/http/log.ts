import { log } from "@/lib/observability/log";

/**
 * One line per refused request: what was asked, why it was refused, and the
 * request's id (the gate's one line per request carries the same id) — never
 * a stack trace for a client's mistake (a real server error logs its stack
 * where it is caught, once). Through the app's JSON logger, so a log pipeline
 * can filter on it (`"msg":"refused"`).
 */
export function logRefusal(entry: { method?: string; path?: string; status: number; reason: string; requestId?: string | string[] | null }): void {
  const requestId = typeof entry.requestId === "string" ? entry.requestId : undefined;
  log().warn(
    {
      method: (entry.method ?? "-").slice(0, 16),
      path: (entry.path ?? "-").slice(0, 200),
      status: entry.status,
      reason: entry.reason.slice(0, 200),
      ...(requestId ? { requestId } : {}),
    },
    "refused",
  );
}
