type ToolName = { slug: string; name: string };

const control =
  "w-full min-w-0 rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm text-stone-900 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100";

/**
 * "Compare with…": a plain GET form to /compare, so it works without JavaScript.
 * With `fixed`, tool A is the page's own tool and only B is chosen.
 */
export function ComparePicker({
  tools,
  fixed,
  selected,
  idPrefix = "compare",
}: {
  tools: ToolName[];
  fixed?: ToolName;
  selected?: { a?: string; b?: string };
  idPrefix?: string;
}) {
  const options = (exclude?: string) =>
    tools
      .filter((tool) => tool.slug !== exclude)
      .map((tool) => (
        <option key={tool.slug} value={tool.slug}>
          {tool.name}
        </option>
      ));
  return (
    <form action="/compare" method="get" className="flex flex-col gap-3 sm:flex-row sm:items-end">
      {fixed ? (
        <input type="hidden" name="a" value={fixed.slug} />
      ) : (
        <label htmlFor={`${idPrefix}-a`} className="flex-1 text-sm">
          <span className="mb-1 block font-medium text-stone-700 dark:text-stone-300">First tool</span>
          <select id={`${idPrefix}-a`} name="a" required defaultValue={selected?.a ?? ""} className={control}>
            <option value="" disabled>
              Choose a tool
            </option>
            {options()}
          </select>
        </label>
      )}
      <label htmlFor={`${idPrefix}-b`} className="flex-1 text-sm">
        <span className="mb-1 block font-medium text-stone-700 dark:text-stone-300">
          {fixed ? `Compare ${fixed.name} with…` : "Second tool"}
        </span>
        <select id={`${idPrefix}-b`} name="b" required defaultValue={selected?.b ?? ""} className={control}>
          <option value="" disabled>
            Choose a tool
          </option>
          {options(fixed?.slug)}
        </select>
      </label>
      <button
        type="submit"
        className="rounded-lg bg-stone-900 px-4 py-2 text-sm font-medium text-white hover:bg-stone-700 dark:bg-white dark:text-stone-900 dark:hover:bg-stone-200"
      >
        Compare
      </button>
    </form>
  );
}
