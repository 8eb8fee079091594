"use client";

/** One day of the trend's data table, its figures already written out by the server. */
export type TrendTableRow = {
  /** yyyy-mm-dd, the row's key and its `<time dateTime>`. */
  day: string;
  date: string;
  sample: boolean;
  community: string;
  votes: number;
  band: string;
  panel: string;
  /** "(2 of 4)", or null when no verdict was published that day. */
  panelCount: string | null;
};

/**
 * The data table behind the trend chart (components/site/trend-chart.tsx), folded. A client component only so
 * the RSC payload carries its rows as these few strings rather than as ~600 elements: every element costs
 * Flight, its decoding for SSR and Fizz on every render of the tool page, and the table was half its elements.
 * The HTML is the same as a server component's, and no script is needed to open it.
 */
export function TrendTable({ rows, caption, json }: { rows: TrendTableRow[]; caption: string; json: string }) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-medium text-stone-700 dark:text-stone-300">Data table</summary>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full text-left tabular-nums">
          <caption className="pb-2 text-left text-xs text-stone-500 dark:text-stone-400">
            {caption}{" "}
            <a href={json} className="underline underline-offset-2">
              Every day as JSON
            </a>
            .
          </caption>
          <thead className="text-xs text-stone-500 dark:text-stone-400">
            <tr>
              <th scope="col" className="py-1.5 pr-3 font-medium">Day</th>
              <th scope="col" className="py-1.5 pr-3 font-medium">Community ship</th>
              <th scope="col" className="py-1.5 pr-3 font-medium">Votes</th>
              <th scope="col" className="py-1.5 pr-3 font-medium">95% band</th>
              <th scope="col" className="py-1.5 font-medium">Panel ship</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100 dark:divide-stone-800">
            {rows.map((row) => (
              <tr key={row.day} data-sample={row.sample || undefined} className={row.sample ? "text-stone-500 dark:text-stone-400" : undefined}>
                <th scope="row" className="whitespace-nowrap py-1.5 pr-3 font-normal">
                  <time dateTime={row.day}>{row.date}</time>
                  {row.sample ? <span className="ml-1.5 text-xs">(sample)</span> : null}
                </th>
                <td className="py-1.5 pr-3">{row.community}</td>
                <td className="py-1.5 pr-3">{row.votes}</td>
                <td className="whitespace-nowrap py-1.5 pr-3">{row.band}</td>
                <td className="whitespace-nowrap py-1.5">
                  {row.panel}
                  {row.panelCount ? <span className="ml-1 text-xs text-stone-500 dark:text-stone-400">{row.panelCount}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
