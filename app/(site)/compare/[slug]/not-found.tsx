import Link from "next/link";
import { ComparePicker } from "@/components/site/compare-picker";
import { RefusedPair } from "@/components/site/refused-pair";
import { Card } from "@/components/ui/card";
import { listedToolNames } from "@/lib/tools/names";

export const metadata = { title: "Can't compare these" };

/** A pair that cannot be compared: unknown, archived, or one tool twice. Served with 404. */
export default async function ComparisonNotFound() {
  // Rendered into every comparison page (Next renders boundaries ahead): the names are kept between tool edits.
  const tools = await listedToolNames();
  return (
    <div className="py-16 sm:py-24">
      <p className="text-sm font-semibold text-ship-700 dark:text-ship-400">404</p>
      <h1 className="mt-2 text-4xl font-semibold tracking-tight">We can&apos;t compare that pair</h1>
      <RefusedPair tools={tools.map(({ slug, name }) => ({ slug, name }))} />
      <p className="mt-4 max-w-2xl text-lg text-stone-600 dark:text-stone-400">
        A comparison sets two different tools from the directory side by side. One of these may not be in the
        directory, may have been archived, or it is the same tool twice.
      </p>
      <Card className="mt-8 max-w-3xl p-5">
        <h2 className="mb-3 text-sm font-semibold">Pick two tools instead</h2>
        <ComparePicker tools={tools} idPrefix="not-found-compare" />
      </Card>
      <p className="mt-6 text-sm">
        <Link href="/tools" className="font-medium underline underline-offset-2">
          Browse the directory
        </Link>
      </p>
    </div>
  );
}
