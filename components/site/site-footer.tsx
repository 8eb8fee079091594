import { site } from "@/lib/site/config";

export function SiteFooter() {
  return (
    <footer className="mt-24 border-t border-stone-200 dark:border-stone-800">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-8 text-sm text-stone-500 sm:flex-row sm:items-center sm:justify-between sm:px-6 dark:text-stone-400">
        <p>
          <span className="font-medium text-stone-700 dark:text-stone-200">{site.name}</span> — {site.tagline}
        </p>
        <p>Panel verdicts are written by staff reviewers; community figures come from signed-in readers.</p>
      </div>
    </footer>
  );
}
