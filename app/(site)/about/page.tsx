import { ProsePage } from "@/components/site/prose-page";
import { site } from "@/lib/site/config";
import { pageMetadata } from "@/lib/site/metadata";

export const metadata = pageMetadata({
  title: `About ${site.name}`,
  description: `What ${site.name} is, who writes its verdicts (a panel of staff personas), and how the community's figure is kept honest.`,
  path: "/about",
});

export default function AboutPage() {
  return (
    <ProsePage
      eyebrow="About"
      title={`What ${site.name} is`}
      lede={`${site.tagline} ${site.name} answers it twice for every tool: a panel gives written ship-or-skip verdicts, and readers vote and say why. Comparison pages set two tools side by side so you can decide.`}
    >
      <section aria-labelledby="panel">
        <h2 id="panel">The panel is a set of staff personas</h2>
        <p>
          The four reviewers are <strong>personas written and voiced by our staff</strong>, not independent people. Each one reviews through one
          lens — developer experience, a competitive skeptic&apos;s, a futurist&apos;s, a buyer&apos;s — so that a tool is judged from four
          angles that often disagree. Their names and bios describe the lens, and every reviewer page says so.
        </p>
        <p>
          A verdict is a call (ship or skip) and the case for it. Every edit is kept: each verdict links to its public history, with what changed
          and why. See <a href="/methodology#verdicts">how verdicts are written and revised</a>.
        </p>
      </section>
      <section aria-labelledby="community">
        <h2 id="community">The community is signed-in readers</h2>
        <p>
          Anyone who signs in can vote ship or skip once per tool, change or withdraw the vote, and give a reason. Readers appear under a display
          name they choose, never their email address. Votes from brand-new accounts wait before they count, and staff can void a vote ring — see{" "}
          <a href="/methodology#integrity">how the community figure is protected</a>.
        </p>
      </section>
      <section aria-labelledby="catalogue">
        <h2 id="catalogue">The catalogue</h2>
        <p>
          Staff add the tools readers are deciding between and keep their facts current. Each pricing block links to the vendor&apos;s own page
          with the date we last checked it, so you can see how fresh it is.
        </p>
      </section>
      <section aria-labelledby="data">
        <h2 id="data">Your data</h2>
        <p>
          We keep what the site needs to work and nothing for advertising: see the <a href="/privacy">privacy page</a>. The figures are open too:
          every tool, verdict and figure is available as JSON under <code>/api/tools</code>, and new comparisons in the <a href="/feed.xml">Atom feed</a>.
        </p>
      </section>
    </ProsePage>
  );
}
