import type { SplitRow } from "@/lib/comparisons/queries";
import type { ToolCard } from "@/lib/tools/select";
import { VerdictQuote } from "./verdict-quote";

/** Every quote of the panel on both tools, reviewer by reviewer, A then B. */
export function Scorecard({ rows, toolA, toolB }: { rows: SplitRow[]; toolA: ToolCard; toolB: ToolCard }) {
  return (
    <ol className="grid gap-4 md:grid-cols-2">
      {rows.flatMap((row) =>
        [
          { verdict: row.a, tool: toolA },
          { verdict: row.b, tool: toolB },
        ].map(({ verdict, tool }) =>
          verdict ? (
            <li key={verdict.id}>
              <VerdictQuote verdict={verdict} tool={tool} toolSlug={tool.slug} collapsible />
            </li>
          ) : null,
        ),
      )}
    </ol>
  );
}
