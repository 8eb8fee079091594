const TONE =
  "inline-flex items-center gap-1.5 rounded-full bg-amber-50 px-2.5 py-1 text-xs font-medium text-amber-800 ring-1 ring-inset ring-amber-600/20 dark:bg-amber-950 dark:text-amber-300 dark:ring-amber-400/25";

/** The panel-vs-community badge; with `href`, a link to the community's own reasons (on the same page). */
export function DisagreementBadge({ label, href, linkLabel }: { label: string; href?: string; linkLabel?: string }) {
  if (href) {
    return (
      <a href={href} className={`${TONE} hover:bg-amber-100 hover:underline dark:hover:bg-amber-900`}>
        <span aria-hidden>⚡</span>
        {label}
        <span className="font-normal">· {linkLabel ?? "see why"}</span>
      </a>
    );
  }
  return (
    <span className={TONE}>
      <span aria-hidden>⚡</span>
      {label}
    </span>
  );
}
