import { ProsePage } from "@/components/site/prose-page";
import { site } from "@/lib/site/config";
import { pageMetadata } from "@/lib/site/metadata";

export const metadata = pageMetadata({
  title: "Privacy",
  description: `What ${site.name} stores about you, what is public, and how to take it with you or delete it.`,
  path: "/privacy",
});

export default function PrivacyPage() {
  return (
    <ProsePage eyebrow="Privacy" title="What we keep, and what is public" lede="The site keeps what it needs to work — and no advertising or tracking of any kind.">
      <section aria-labelledby="stored">
        <h2 id="stored">What we store</h2>
        <ul>
          <li>Your email address, to send sign-in links (and the newsletter, if you subscribe and confirm).</li>
          <li>Your votes, your reasons, the reasons you marked helpful or reported, and the display name you chose.</li>
          <li>The tools you follow, and the tools you suggested or problems you reported, with the editors&apos; reply.</li>
          <li>A session cookie while you are signed in. No analytics, advertising or third-party scripts run on the site.</li>
          <li>Limits on how often an address or network may ask for sign-in links, kept for an hour, to stop abuse.</li>
        </ul>
      </section>
      <section aria-labelledby="public">
        <h2 id="public">What is public</h2>
        <p>
          Your reasons, under your display name (or a generated &ldquo;Reader&rdquo; name), and your votes only as part of the totals. Your email
          address is never shown anywhere public.
        </p>
      </section>
      <section aria-labelledby="yours">
        <h2 id="yours">Taking it with you, or deleting it</h2>
        <p>
          On <a href="/account">your account page</a> you can download everything we hold about you as JSON, and delete your account: your votes are
          withdrawn from every figure, your reasons removed, and your email address erased. Your suggestions stay with the editors without your
          name. Every newsletter email has a one-click unsubscribe link.
        </p>
      </section>
    </ProsePage>
  );
}
