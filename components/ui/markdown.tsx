import { LRUCache } from "lru-cache";
import type { ReactElement } from "react";
import renderMarkdown, { type Components, type Options } from "react-markdown";

const components: Components = {
  a: ({ href, children }) => (
    <a href={href} rel="nofollow noopener noreferrer" target="_blank" className="underline decoration-stone-300 underline-offset-2 hover:decoration-stone-500">
      {children}
    </a>
  ),
};

const options = {
  skipHtml: true,
  allowedElements: ["p", "em", "strong", "a", "ul", "ol", "li", "code", "blockquote", "br", "del"],
  unwrapDisallowed: true,
  components,
} satisfies Options;

/**
 * Parsed Markdown by its text. Parsing (micromark → mdast → hast → React elements) was the largest piece of
 * a comparison page's own render work (eight verdicts), done again for the same text on every render; the text
 * is its own version (an edit is a new key), and React elements are immutable, so one tree serves every render.
 * Bounded by characters held (verdicts run to a few hundred each).
 */
const parsed = new LRUCache<string, ReactElement>({ maxSize: 2_000_000, sizeCalculation: (_value, text) => Math.max(1, text.length) });

function markdownElements(text: string): ReactElement {
  let elements = parsed.get(text);
  if (!elements) {
    // react-markdown's `Markdown` is a pure function of its options (no hooks): its result can be kept.
    elements = renderMarkdown({ ...options, children: text });
    parsed.set(text, elements);
  }
  return elements;
}

/**
 * Renders staff-written Markdown safely: raw HTML is dropped (skipHtml), only
 * text-level elements are allowed, and react-markdown's URL filter turns
 * javascript:/data: links and images into nothing.
 */
export function Markdown({ children, className = "" }: { children: string; className?: string }) {
  return <div className={`space-y-3 ${className}`}>{markdownElements(children)}</div>;
}
