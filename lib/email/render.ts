import type { ReactElement } from "react";

/**
 * Renders an email's React tree to a complete HTML document.
 *
 * `react-dom/server` is imported dynamically on purpose: route handlers and
 * server actions are compiled for React Server Components, where Next refuses
 * a static import of it ("You're importing a component that imports
 * react-dom/server"). Loaded at run time it renders plain, hook-free
 * components — which is all an email is — in route handlers, server actions,
 * scripts and tests alike.
 */
export async function renderEmailHtml(element: ReactElement): Promise<string> {
  const { renderToStaticMarkup } = await import("react-dom/server");
  return `<!doctype html>${renderToStaticMarkup(element)}`;
}
