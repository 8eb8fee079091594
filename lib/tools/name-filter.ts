/**
 * Filtering the "compare with…" pickers' tool list as a reader types (pure; runs in the browser).
 *
 * A tool matches when the typed text, folded (case, accents and punctuation ignored), is part of its name
 * or its vendor's: "clau" finds Claude 4 Sonnet, "anthropic" finds it too, "Mid journey" finds Midjourney.
 * When nothing matches that way, a slip of a letter or two still finds the name (like the directory's
 * search): "cursr" finds Cursor, "midjurney" Midjourney. Best matches first: a name that starts with the
 * text, then a word of the name that does, then the rest of the name matches, then vendors, then typos;
 * alphabetical within each.
 */

export type PickableTool = { slug: string; name: string; vendor?: string };

/** Lower case letters and digits, accents dropped, one space between words ("Café-Bot 2" → "cafe bot 2"). */
export function foldName(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const compact = (folded: string) => folded.replace(/ /g, "");

/** Edits (insert, delete, replace, swap two neighbours) to turn a into b; stops early past `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** Typos allowed for a query of this many letters: none below 4, one up to 6, two beyond. */
const allowedTypos = (length: number) => (length < 4 ? 0 : length <= 6 ? 1 : 2);

/** Closest edit distance from the query to the start of the name or of any of its words (same length, give or take). */
function typoDistance(query: string, name: string, max: number): number {
  const starts = name.split(" ").map((_, index, words) => words.slice(index).join(""));
  let best = max + 1;
  for (const start of starts) {
    for (let length = query.length - max; length <= query.length + max; length++) {
      if (length < 1 || length > start.length) continue;
      best = Math.min(best, editDistance(query, start.slice(0, length), max));
    }
  }
  return best;
}

/** The tools matching what the reader typed, best first; every tool, in the given order, for blank text. */
export function filterTools<T extends PickableTool>(tools: readonly T[], typed: string): T[] {
  const query = foldName(typed);
  if (!query) return [...tools];
  const bare = compact(query);
  const ranked: { tool: T; rank: number; distance: number }[] = [];
  for (const tool of tools) {
    const name = foldName(tool.name);
    const rank = name.startsWith(query) || compact(name).startsWith(bare)
      ? 0
      : ` ${name}`.includes(` ${query}`)
        ? 1
        : name.includes(query) || compact(name).includes(bare)
          ? 2
          : tool.vendor && (foldName(tool.vendor).includes(query) || compact(foldName(tool.vendor)).includes(bare))
            ? 3
            : null;
    if (rank !== null) ranked.push({ tool, rank, distance: 0 });
  }
  if (!ranked.length) {
    const max = allowedTypos(bare.length);
    if (max === 0) return [];
    for (const tool of tools) {
      const distance = typoDistance(bare, foldName(tool.name), max);
      if (distance <= max) ranked.push({ tool, rank: 4, distance });
    }
  }
  return ranked
    .sort((x, y) => x.rank - y.rank || x.distance - y.distance || x.tool.name.localeCompare(y.tool.name, "en"))
    .map((entry) => entry.tool);
}
