import type { Metadata } from "next";

export const dynamic = "force-static";
export const metadata: Metadata = { title: "Benchmark baseline", robots: { index: false } };

/** `npm run bench` baseline: a static page served from the same server. Harmless if visited. */
export default function StaticBaseline() {
  return (
    <main className="p-8">
      <p>Static baseline for the benchmark.</p>
    </main>
  );
}
