import { adHocComparisonSlug } from "@/lib/comparisons/ad-hoc";

/**
 * The directory's "Compare" ticks: at most two tools, in the order they were ticked. Browser-only state (kept
 * in sessionStorage so a pick survives a search or another page of the directory); the server's HTML, served
 * to everyone from the page cache, never carries it.
 */

export type Pick = { slug: string; name: string };
export type PickResult = { picks: Pick[]; refused: Pick | null };

export const MAX_PICKS = 2;

/** Ticking a tool: added while fewer than two are picked; a third is refused (the reader unticks one first). */
export function addPick(picks: readonly Pick[], tool: Pick): PickResult {
  if (picks.some((pick) => pick.slug === tool.slug)) return { picks: [...picks], refused: null };
  if (picks.length >= MAX_PICKS) return { picks: [...picks], refused: tool };
  return { picks: [...picks, tool], refused: null };
}

export function removePick(picks: readonly Pick[], slug: string): Pick[] {
  return picks.filter((pick) => pick.slug !== slug);
}

/** The pair's canonical comparison URL: a curated comparison's own slug (in either order), else the generated one (alphabetical). */
export function comparisonHref(a: string, b: string, curated: readonly string[] = []): `/compare/${string}` {
  const slug = [`${a}-vs-${b}`, `${b}-vs-${a}`].find((candidate) => curated.includes(candidate)) ?? adHocComparisonSlug(a, b);
  return `/compare/${slug}`;
}

// ── the shared store: every checkbox and the compare bar read the same picks ──

const KEY = "ship-or-skip.compare-picks";
type Snapshot = { picks: Pick[]; refused: Pick | null };
const EMPTY: Snapshot = { picks: [], refused: null };
let snapshot: Snapshot | null = null;
const listeners = new Set<() => void>();

function read(): Snapshot {
  if (snapshot) return snapshot;
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? "[]");
    const picks = Array.isArray(stored)
      ? stored.filter((pick): pick is Pick => typeof pick?.slug === "string" && typeof pick?.name === "string").slice(0, MAX_PICKS)
      : [];
    snapshot = { picks, refused: null };
  } catch {
    snapshot = EMPTY;
  }
  return snapshot;
}

function write(next: Snapshot) {
  snapshot = next;
  try {
    sessionStorage.setItem(KEY, JSON.stringify(next.picks));
  } catch {
    // Storage refused (private mode, quota): the picks still hold for this page.
  }
  listeners.forEach((listener) => listener());
}

export const comparePicks = {
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  getSnapshot: read,
  getServerSnapshot: () => EMPTY,
  toggle(tool: Pick, ticked: boolean) {
    const current = read();
    write(ticked ? addPick(current.picks, tool) : { picks: removePick(current.picks, tool.slug), refused: null });
  },
  clear() {
    write(EMPTY);
  },
};
