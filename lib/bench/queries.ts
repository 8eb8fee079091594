import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

/** The benchmark's dynamic baseline reads exactly one row: the least a dynamic page can do. */
export async function readBaselineRow() {
  return db.tool.findFirst({ select: { name: true }, orderBy: { slug: "asc" } });
}

/** Baseline pages exist only while the server runs with BENCH_TOKEN (`npm run bench` sets one). */
export function benchEnabled(): boolean {
  return env.BENCH_TOKEN !== undefined;
}
