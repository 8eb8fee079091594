import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { benchEnabled, readBaselineRow } from "@/lib/bench/queries";

export const metadata: Metadata = { title: "Benchmark baseline", robots: { index: false } };

/** `npm run bench` baseline: a minimal dynamic page reading one row. 404 unless BENCH_TOKEN is set. */
export default async function DynamicBaseline() {
  await connection();
  if (!benchEnabled()) notFound();
  const row = await readBaselineRow();
  return (
    <main className="p-8">
      <p>{row?.name ?? "empty"}</p>
    </main>
  );
}
