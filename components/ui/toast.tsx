"use client";

import { useEffect, useState } from "react";

/** A success message in the corner that announces itself politely and fades after a few seconds. */
export function Toast({ message }: { message?: string }) {
  const [dismissed, setDismissed] = useState<string | null>(null);
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setDismissed(message), 5000);
    return () => clearTimeout(timer);
  }, [message]);
  const visible = Boolean(message) && dismissed !== message;
  return (
    <div role="status" aria-live="polite" className="pointer-events-none fixed bottom-6 right-6 z-50">
      {visible ? (
        <p className="pointer-events-auto rounded-xl bg-stone-900 px-4 py-3 text-sm font-medium text-white shadow-lg before:mr-2 before:text-ship-400 before:content-['✓'] dark:bg-white dark:text-stone-900 dark:before:text-ship-600">
          {message}
        </p>
      ) : null}
    </div>
  );
}
