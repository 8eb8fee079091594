import { site } from "@/lib/site/config";
import { NewsletterForm } from "./newsletter-form";

export function NewsletterBox() {
  return (
    <section
      id="newsletter"
      aria-labelledby="newsletter-title"
      className="relative scroll-mt-20 overflow-hidden rounded-2xl bg-stone-900 px-6 py-10 text-white sm:px-10 dark:bg-stone-900 dark:ring-1 dark:ring-stone-800"
    >
      <div aria-hidden className="pointer-events-none absolute -right-16 -top-16 size-64 rounded-full bg-ship-500/20 blur-3xl" />
      <p className="text-xs font-semibold uppercase tracking-[0.14em] text-ship-300">{site.newsletter.name}</p>
      <h2 id="newsletter-title" className="mt-2 text-2xl font-semibold tracking-tight">
        {site.newsletter.headline}
      </h2>
      <p className="mt-2 max-w-xl text-[15px] text-stone-300">{site.newsletter.pitch}</p>
      <NewsletterForm />
    </section>
  );
}
