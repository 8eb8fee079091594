"use client";

import { useCombobox, type UseComboboxState, type UseComboboxStateChangeOptions } from "downshift";
import { useEffect, useMemo, useState } from "react";
import { filterTools, foldName, type PickableTool } from "@/lib/tools/name-filter";
import { useHydrated } from "./use-hydrated";

export const pickerControl =
  "w-full min-w-0 rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm text-stone-900 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100";
const labelText = "mb-1 block font-medium text-stone-700 dark:text-stone-300";

type Props = {
  tools: readonly PickableTool[];
  /** The GET field /compare reads: "a" or "b". */
  name: "a" | "b";
  id: string;
  label: string;
  defaultSlug?: string;
  /** A tool not to offer (the page's own tool). */
  exclude?: string;
};

/**
 * One tool field of a "compare with…" form. The server's HTML is a plain required <select> named `name`, so
 * the form works without JavaScript; once hydrated it becomes a searchable combobox (Downshift's useCombobox,
 * the ARIA 1.2 pattern: focus stays in the input, aria-activedescendant points at the highlighted option)
 * that submits the chosen tool's slug under the same name from a hidden input. Same label, same control size:
 * nothing moves when it swaps.
 */
export function ToolCombobox(props: Props) {
  const hydrated = useHydrated();
  const pool = useMemo(() => props.tools.filter((tool) => tool.slug !== props.exclude), [props.tools, props.exclude]);
  if (!hydrated) {
    return (
      <label htmlFor={props.id} className="flex-1 text-sm">
        <span className={labelText}>{props.label}</span>
        <select id={props.id} name={props.name} required defaultValue={props.defaultSlug ?? ""} className={pickerControl}>
          <option value="" disabled>
            Choose a tool
          </option>
          {pool.map((tool) => (
            <option key={tool.slug} value={tool.slug}>
              {tool.name}
            </option>
          ))}
        </select>
      </label>
    );
  }
  return <Combobox {...props} pool={pool} />;
}

const countLabel = (count: number) => (count === 0 ? "No tool matches" : count === 1 ? "1 tool matches" : `${count} tools match`);

function Combobox({ pool, name, id, label, defaultSlug }: Props & { pool: PickableTool[] }) {
  const [inputValue, setInputValue] = useState(() => pool.find((tool) => tool.slug === defaultSlug)?.name ?? "");
  const [selectedItem, setSelectedItem] = useState<PickableTool | null>(() => pool.find((tool) => tool.slug === defaultSlug) ?? null);
  // The chosen tool's own name in the input is not a search: opening the list then shows every tool.
  const query = selectedItem && inputValue === selectedItem.name ? "" : inputValue;
  const items = useMemo(() => filterTools(pool, query), [pool, query]);

  const stateReducer = (state: UseComboboxState<PickableTool>, { type, changes }: UseComboboxStateChangeOptions<PickableTool>) => {
    switch (type) {
      case useCombobox.stateChangeTypes.InputChange:
        // Editing the text un-chooses the tool, so the form never sends a tool the input no longer names.
        return { ...changes, highlightedIndex: changes.inputValue ? 0 : -1, selectedItem: changes.inputValue === state.selectedItem?.name ? state.selectedItem : null };
      case useCombobox.stateChangeTypes.InputBlur: {
        if (changes.selectedItem !== state.selectedItem || state.selectedItem) return changes;
        // A whole name typed and left without picking it counts as picked.
        const exact = pool.find((tool) => foldName(tool.name) === foldName(state.inputValue));
        return exact ? { ...changes, selectedItem: exact, inputValue: exact.name } : changes;
      }
      default:
        return changes;
    }
  };

  const { isOpen, highlightedIndex, getLabelProps, getInputProps, getMenuProps, getItemProps, getToggleButtonProps } = useCombobox<PickableTool>({
    items,
    inputId: id,
    // Downshift keeps the text and the choice (controlling them from here lost a keystroke after the text was emptied); these mirror them for the filter and the hidden field.
    initialInputValue: inputValue,
    initialSelectedItem: selectedItem,
    itemToString: (item) => item?.name ?? "",
    itemToKey: (item) => item?.slug,
    stateReducer,
    onInputValueChange: ({ inputValue: value }) => setInputValue(value),
    onSelectedItemChange: ({ selectedItem: item }) => setSelectedItem(item ?? null),
  });

  // The browser's own check on submit: an empty field is "required"; text that names no tool is refused here.
  useEffect(() => {
    const input = document.getElementById(id);
    if (input instanceof HTMLInputElement) input.setCustomValidity(!selectedItem && inputValue.trim() ? "Choose a tool from the list." : "");
  }, [id, selectedItem, inputValue]);

  // How many tools match, said politely once the reader pauses typing.
  const [status, setStatus] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setStatus(isOpen ? `${countLabel(items.length)}${query.trim() ? ` “${query.trim()}”` : ""}.` : ""), 400);
    return () => clearTimeout(timer);
  }, [isOpen, items.length, query]);

  return (
    <div className="relative flex-1 text-sm">
      <label {...getLabelProps()} className={labelText}>
        {label}
      </label>
      <div className="relative">
        <input
          {...getInputProps({ required: true, placeholder: "Type a tool's name", autoComplete: "off", spellCheck: false })}
          className={`${pickerControl} pr-9 placeholder:text-stone-400 dark:placeholder:text-stone-500`}
        />
        <button
          type="button"
          {...getToggleButtonProps({ tabIndex: -1 })}
          aria-label="Show all tools"
          className="absolute inset-y-0 right-0 flex w-9 items-center justify-center rounded-r-lg text-stone-500 hover:text-stone-900 dark:text-stone-400 dark:hover:text-white"
        >
          <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className={`size-4 transition-transform ${isOpen ? "rotate-180" : ""}`}>
            <path fillRule="evenodd" d="M5.23 7.21a.75.75 0 0 1 1.06.02L10 11.17l3.71-3.94a.75.75 0 1 1 1.08 1.04l-4.25 4.5a.75.75 0 0 1-1.08 0l-4.25-4.5a.75.75 0 0 1 .02-1.06Z" clipRule="evenodd" />
          </svg>
        </button>
      </div>
      <ul
        {...getMenuProps()}
        className={
          isOpen && items.length
            ? "absolute inset-x-0 z-30 mt-1 max-h-64 overflow-y-auto overscroll-contain rounded-lg border border-stone-200 bg-white py-1 shadow-lg shadow-stone-900/10 dark:border-stone-700 dark:bg-stone-900 dark:shadow-black/40"
            : "hidden"
        }
      >
        {isOpen
          ? items.map((item, index) => (
              <li
                key={item.slug}
                {...getItemProps({ item, index })}
                className={`flex cursor-pointer items-baseline justify-between gap-3 px-3 py-2 ${
                  highlightedIndex === index ? "bg-stone-100 dark:bg-stone-800" : ""
                }`}
              >
                <span className={`max-w-[80%] flex-none truncate ${selectedItem?.slug === item.slug ? "font-semibold" : "font-medium"} text-stone-900 dark:text-stone-100`}>
                  {item.name}
                  {selectedItem?.slug === item.slug ? <span className="sr-only"> (chosen)</span> : null}
                </span>
                {item.vendor ? <span className="min-w-0 truncate text-xs text-stone-500 dark:text-stone-400">{item.vendor}</span> : null}
              </li>
            ))
          : null}
      </ul>
      {isOpen && !items.length ? (
        <p className="absolute inset-x-0 z-30 mt-1 rounded-lg border border-stone-200 bg-white px-3 py-2 text-stone-600 shadow-lg dark:border-stone-700 dark:bg-stone-900 dark:text-stone-400">
          No tool matches “{query.trim()}”.
        </p>
      ) : null}
      <input type="hidden" name={name} value={selectedItem?.slug ?? ""} />
      <p role="status" className="sr-only">
        {status}
      </p>
    </div>
  );
}
