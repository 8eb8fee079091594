/**
 * One line per refused request: what was asked and why it was refused — never
 * a stack trace for a client's mistake (a real server error logs its stack
 * where it is caught, once). JSON, so a log pipeline can filter on it.
 */
export function logRefusal(entry: { method?: string; path?: string; status: number; reason: string }): void {
  console.warn(
    JSON.stringify({
      level: "warn",
      msg: "refused",
      method: (entry.method ?? "-").slice(0, 16),
      path: (entry.path ?? "-").slice(0, 200),
      status: entry.status,
      reason: entry.reason.slice(0, 200),
    }),
  );
}
