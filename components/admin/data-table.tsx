import { Card } from "@/components/ui/card";

/** The admin tables' frame: a card, a header row of column names, and the body rows given. */
export function DataTable({ columns, caption, children }: { columns: string[]; caption?: string; children: React.ReactNode }) {
  return (
    <Card className="mt-6 overflow-x-auto">
      <table className="w-full text-left text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead className="bg-stone-50 text-xs uppercase tracking-wide text-stone-500 dark:text-stone-400 dark:bg-stone-900/60">
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className="px-4 py-2.5 font-medium">
                {column.startsWith("sr:") ? <span className="sr-only">{column.slice(3)}</span> : column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100 align-top dark:divide-stone-800">{children}</tbody>
      </table>
    </Card>
  );
}
