"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * What went wrong with a refused save, at the top of an admin form. Each refusal
 * (a new form state, even with the same message) takes the reader to it: the
 * summary gets the focus and so scrolls into view, below the sticky header.
 */
export function ErrorSummary({ state, children }: { state: { error?: string }; children?: ReactNode }) {
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.error) summary.current?.focus();
  }, [state]);
  if (!state.error) return null;
  return (
    <div
      ref={summary}
      tabIndex={-1}
      role="alert"
      data-testid="error-summary"
      className="scroll-mt-24 rounded-xl bg-skip-50 px-4 py-3 text-sm text-skip-800 outline-none focus-visible:ring-2 focus-visible:ring-skip-500 dark:bg-skip-950 dark:text-skip-300"
    >
      <p className="font-medium">{state.error}</p>
      {children}
    </div>
  );
}
