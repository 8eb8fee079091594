import type { PickableTool } from "@/lib/tools/name-filter";
import { ToolCombobox } from "./tool-combobox";

/**
 * "Compare with…": a plain GET form to /compare, so it works without JavaScript (its fields are <select>s
 * until hydrated, then searchable comboboxes submitting the same `a` and `b`).
 * With `fixed`, tool A is the page's own tool and only B is chosen.
 */
export function ComparePicker({
  tools,
  fixed,
  selected,
  idPrefix = "compare",
}: {
  tools: PickableTool[];
  fixed?: { slug: string; name: string };
  selected?: { a?: string; b?: string };
  idPrefix?: string;
}) {
  return (
    <form action="/compare" method="get" className="flex flex-col gap-3 sm:flex-row sm:items-end">
      {fixed ? (
        <input type="hidden" name="a" value={fixed.slug} />
      ) : (
        <ToolCombobox tools={tools} name="a" id={`${idPrefix}-a`} label="First tool" defaultSlug={selected?.a} />
      )}
      <ToolCombobox
        tools={tools}
        name="b"
        id={`${idPrefix}-b`}
        label={fixed ? `Compare ${fixed.name} with…` : "Second tool"}
        defaultSlug={selected?.b}
        exclude={fixed?.slug}
      />
      <button
        type="submit"
        className="rounded-lg bg-stone-900 px-4 py-2 text-sm font-medium text-white hover:bg-stone-700 dark:bg-white dark:text-stone-900 dark:hover:bg-stone-200"
      >
        Compare
      </button>
    </form>
  );
}
