import { env } from "@/lib/env";
import { isDue } from "@/lib/site/staleness";
import { specCells, type SpecCell } from "@/lib/specs/format";
import { SPECS } from "@/lib/specs/schema";
import type { ToolCard } from "@/lib/tools/select";

/** Where a fact was read and when; "re-check due" past PRICING_DUE_DAYS. */
function Provenance({ cell, now }: { cell: SpecCell; now: Date }) {
  if (!cell.sourceUrl && !cell.checked) return null;
  const due = cell.checkedOn ? isDue(cell.checkedOn, env.PRICING_DUE_DAYS, now) : false;
  return (
    <span className="mt-0.5 block text-xs text-stone-500 dark:text-stone-400">
      {cell.sourceUrl ? (
        <a href={cell.sourceUrl} rel="nofollow noopener" className="underline decoration-stone-300 underline-offset-2 hover:text-stone-800 dark:decoration-stone-600 dark:hover:text-stone-200">
          source
        </a>
      ) : null}
      {cell.sourceUrl && cell.checked ? " · " : null}
      {cell.checked ? <>checked {cell.checked}</> : null}
      {/* A space before it: in a narrow cell "· re-check due" wraps to a line of its own instead of running past the edge. */}
      {due ? <> <span className="whitespace-nowrap font-semibold text-amber-700 dark:text-amber-400">· re-check due</span></> : null}
    </span>
  );
}

function Cell({ cell, now }: { cell: SpecCell; now: Date }) {
  if (cell.text === null) {
    return (
      <td className="px-3 py-3 align-top text-stone-400 sm:px-4 dark:text-stone-500">
        <span aria-hidden>—</span>
        <span className="sr-only">not known</span>
      </td>
    );
  }
  return (
    <td className="px-3 py-3 align-top sm:px-4">
      <span className="font-medium text-stone-900 dark:text-stone-100">{cell.text}</span>
      <Provenance cell={cell} now={now} />
    </td>
  );
}

/** The specs of two tools as aligned rows; "—" where a fact is not known. */
export function SpecsTable({ tools }: { tools: [ToolCard, ToolCard] }) {
  const now = new Date();
  const cells = tools.map((tool) => specCells(tool));
  return (
    <div className="overflow-hidden rounded-2xl border border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
      <table className="w-full table-fixed border-collapse text-left text-[15px]">
        <caption className="sr-only">Specs of {tools[0].name} and {tools[1].name} side by side</caption>
        <colgroup>
          <col className="w-[30%] sm:w-[24%]" />
          <col />
          <col />
        </colgroup>
        <thead className="bg-stone-50 text-xs font-semibold uppercase tracking-[0.08em] text-stone-500 dark:bg-stone-950/40 dark:text-stone-400">
          <tr>
            <th scope="col" className="px-3 py-2.5 sm:px-4">Spec</th>
            {tools.map((tool) => (
              <th key={tool.slug} scope="col" className="px-3 py-2.5 normal-case tracking-normal text-stone-700 sm:px-4 dark:text-stone-200">
                {tool.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100 dark:divide-stone-800">
          {SPECS.map((spec) => (
            <tr key={spec.key}>
              <th scope="row" className="px-3 py-3 align-top text-sm font-medium text-stone-600 sm:px-4 dark:text-stone-300">
                {spec.label}
                {spec.kind === "usd" ? <span className="block text-xs font-normal text-stone-500 dark:text-stone-400">per million tokens</span> : null}
              </th>
              {cells.map((toolCells, index) => (
                <Cell key={tools[index]!.slug} cell={toolCells[spec.key]} now={now} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One tool's specs for its own page: each known fact with its source; "—" for the rest. */
export function ToolSpecsList({ tool }: { tool: ToolCard }) {
  const now = new Date();
  const cells = specCells(tool);
  return (
    <dl className="divide-y divide-stone-100 text-sm dark:divide-stone-800">
      {SPECS.map((spec) => {
        const cell = cells[spec.key];
        return (
          <div key={spec.key} className="grid grid-cols-[7.5rem_1fr] gap-3 py-2 first:pt-0 last:pb-0">
            <dt className="text-stone-500 dark:text-stone-400">
              {spec.label}
              {spec.kind === "usd" ? <span className="block text-xs">per million tokens</span> : null}
            </dt>
            <dd className="min-w-0">
              {cell.text === null ? (
                <>
                  <span aria-hidden className="text-stone-400 dark:text-stone-500">—</span>
                  <span className="sr-only">not known</span>
                </>
              ) : (
                <>
                  <span className="font-medium text-stone-900 dark:text-stone-100">{cell.text}</span>
                  <Provenance cell={cell} now={now} />
                </>
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
