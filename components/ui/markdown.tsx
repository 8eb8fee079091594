import ReactMarkdown, { type Components } from "react-markdown";

const components: Components = {
  a: ({ href, children }) => (
    <a href={href} rel="nofollow noopener noreferrer" target="_blank" className="underline decoration-stone-300 underline-offset-2 hover:decoration-stone-500">
      {children}
    </a>
  ),
};

/**
 * Renders staff-written Markdown safely: raw HTML is dropped (skipHtml), only
 * text-level elements are allowed, and react-markdown's URL filter turns
 * javascript:/data: links and images into nothing.
 */
export function Markdown({ children, className = "" }: { children: string; className?: string }) {
  return (
    <div className={`space-y-3 ${className}`}>
      <ReactMarkdown
        skipHtml
        allowedElements={["p", "em", "strong", "a", "ul", "ol", "li", "code", "blockquote", "br", "del"]}
        unwrapDisallowed
        components={components}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
