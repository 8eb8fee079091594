type Props = {
  id?: string;
  eyebrow?: string;
  title: string;
  description?: React.ReactNode;
  children: React.ReactNode;
  className?: string;
};

export function Section({ id, eyebrow, title, description, children, className = "" }: Props) {
  const headingId = id ? `${id}-title` : undefined;
  return (
    <section id={id} aria-labelledby={headingId} className={`scroll-mt-20 ${className}`}>
      <div className="mb-5">
        {eyebrow ? (
          <p className="mb-1 text-xs font-semibold uppercase tracking-[0.14em] text-stone-500 dark:text-stone-400">{eyebrow}</p>
        ) : null}
        <h2 id={headingId} className="text-xl font-semibold tracking-tight text-stone-900 sm:text-2xl dark:text-white">
          {title}
        </h2>
        {description ? <p className="mt-1.5 max-w-3xl text-[15px] text-stone-600 dark:text-stone-400">{description}</p> : null}
      </div>
      {children}
    </section>
  );
}
