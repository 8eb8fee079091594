import type { SplitRow } from "@/lib/comparisons/queries";
import type { ToolCard } from "@/lib/tools/select";
import { ReviewerSplitTable } from "./reviewer-split-table";

/** Each reviewer's call on A and on B; rows where the calls differ are highlighted. */
export function ReviewerSplit({ rows, toolA, toolB }: { rows: SplitRow[]; toolA: ToolCard; toolB: ToolCard }) {
  return (
    <ReviewerSplitTable
      rows={rows.map((row) => ({
        id: row.reviewer.id,
        name: row.reviewer.name,
        lens: row.reviewer.lens,
        a: row.a?.decision ?? null,
        b: row.b?.decision ?? null,
        differs: row.differs,
      }))}
      toolA={{ name: toolA.name, slug: toolA.slug }}
      toolB={{ name: toolB.name, slug: toolB.slug }}
    />
  );
}
