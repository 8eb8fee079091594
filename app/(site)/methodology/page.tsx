import { Formula, ProsePage } from "@/components/site/prose-page";
import { env } from "@/lib/env";
import { MIN_COMMUNITY_VOTES, OVERALL_PRIOR_WEIGHT, Z_95 } from "@/lib/scores";
import { site } from "@/lib/site/config";
import { pageMetadata } from "@/lib/site/metadata";
import { newAccountAgeWords } from "@/lib/votes/pending";
import { MIN_SPEC_OVERLAP, OFTEN_COMPARED_MIN_VISITS, PAIR_VISIT_WINDOW_DAYS, rankingSentence, SPEC_FACTS } from "@/lib/alternatives/rank";

export const metadata = pageMetadata({
  title: "Methodology",
  description: `How ${site.name}'s verdicts are written and re-reviewed, how every figure is computed, and how the community figure is protected from vote rings.`,
  path: "/methodology",
});

export default function MethodologyPage() {
  const waiting = newAccountAgeWords(env.NEW_ACCOUNT_HOURS);
  return (
    <ProsePage
      eyebrow="Methodology"
      title="How the verdicts and figures are made"
      lede="Every number on the site is a count you can check, computed the same way everywhere: the pages, the API, the badges and the share images."
    >
      <section aria-labelledby="verdicts">
        <h2 id="verdicts">Verdicts</h2>
        <p>
          The panel is four staff personas, each reviewing through one lens (see <a href="/about#panel">who the panel is</a>). A verdict is a call —
          ship or skip — and the case for it, written after using the tool for the job its lens cares about. A verdict is published once its case
          stands on its own. When the tool, its pricing or its competition changes, staff revise the verdict; every revision is kept in the
          verdict&apos;s public history, with the reason for it.
        </p>
      </section>

      <section aria-labelledby="figures">
        <h2 id="figures">The figures</h2>
        <h3>Panel ship</h3>
        <p>The share of the panel&apos;s published verdicts (from reviewers currently on the panel) that say ship:</p>
        <Formula label="panel ship equals ship verdicts divided by published verdicts">panel ship = ship verdicts ÷ published verdicts</Formula>
        <p>
          With four reviewers one verdict moves it by 25 points, so pages show the count — &ldquo;3 of 4 ship&rdquo; — with the
          percentage. The panel&apos;s call is ship above half, skip below, and split at exactly half.
        </p>
        <h3>Community ship</h3>
        <Formula label="community ship equals ship votes divided by votes">community ship = ship votes ÷ votes</Formula>
        <p>
          Only counted votes are in it (see <a href="#integrity">integrity</a>). Under {MIN_COMMUNITY_VOTES} votes the figure is marked
          provisional — &ldquo;too few votes&rdquo; — rather than shown as a bold percentage. Percentages never round up to 100 % or down to
          0 % unless every vote agrees.
        </p>
        <h3>How sure a figure is: the Wilson interval</h3>
        <p>
          A share from few votes is uncertain. The range shown around the community figure, and the band on each tool&apos;s trend chart, is the
          95 % Wilson score interval for p = ship ÷ n votes, with z = {Z_95}:
        </p>
        <Formula label="Wilson interval: p plus z squared over 2 n, plus or minus z times the square root of p times 1 minus p over n plus z squared over 4 n squared, all divided by 1 plus z squared over n">
          (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) ÷ (1 + z²/n)
        </Formula>
        <p>
          Ranking by community uses the interval&apos;s lower end, so a tool with 9 ship votes of 10 does not outrank one with 90 of 100. Readers&apos;
          reasons are ranked the same way, over helpful marks out of helpful marks plus reports.
        </p>
        <h3>Overall ranking</h3>
        <p>
          The directory&apos;s overall order is a Bayesian average of the community share: every tool starts from its own panel share
          (the site-wide community share for a tool the panel has not reviewed) worth {OVERALL_PRIOR_WEIGHT} votes. Before readers vote the
          order is the panel&apos;s; each vote moves a tool by at most 1/{OVERALL_PRIOR_WEIGHT + 1} of the scale, so a handful of votes cannot
          lift it past tools the panel rates higher, and a tool readers keep backing rises as the votes add up.
        </p>
        <Formula label="overall equals ship votes plus prior weight times panel share, divided by votes plus prior weight">
          {`overall = (ship votes + ${OVERALL_PRIOR_WEIGHT} × panel share) ÷ (votes + ${OVERALL_PRIOR_WEIGHT})`}
        </Formula>
        <h3>Disagreement</h3>
        <p>
          A badge marks a tool where the panel and an established community ({MIN_COMMUNITY_VOTES}+ votes) make opposite calls, with the gap
          between the two shares in points.
        </p>
        <h3>Trends</h3>
        <p>
          Once a day (23:55 UTC) the site records every tool&apos;s panel and community figures. Each tool&apos;s chart plots the community share with
          its Wilson band, the panel&apos;s share, and the days a reviewer published or changed a call. Days marked &ldquo;sample&rdquo; come from the
          demonstration data a new installation starts with, never from real votes.
        </p>
        <h3 id="alternatives">Alternatives</h3>
        <p>
          {rankingSentence()} A tool from another category is listed only when it shares at least {Math.round(MIN_SPEC_OVERLAP * SPEC_FACTS)} of{" "}
          {SPEC_FACTS} spec facts (and does not do a different job), when readers opened the pair&apos;s comparison {OFTEN_COMPARED_MIN_VISITS} or
          more times in the last {PAIR_VISIT_WINDOW_DAYS} days, or when our editors compared the two. Visits are counted per pair and day, never per
          reader: prefetches, crawlers and redirects do not count.
        </p>
      </section>

      <section aria-labelledby="integrity">
        <h2 id="integrity">Keeping the community figure honest</h2>
        <ul>
          <li>
            <strong>One vote per reader per tool</strong>, enforced by the database; changing or withdrawing it moves the figure by exactly that
            vote, in the same transaction.
          </li>
          <li>
            <strong>New accounts wait.</strong> A vote from an account younger than {waiting} is saved but not counted: the page shows it as
            &ldquo;new-account votes pending&rdquo;, and it counts once the account is {waiting} old. Two hundred accounts made this morning move
            the figure by nothing today.
          </li>
          <li>
            <strong>Throwaway mailboxes cannot sign in</strong>: addresses at disposable-email services are refused.
          </li>
          <li>
            <strong>Staff watch for vote rings.</strong> Tools voted on far above their own usual rate are flagged, with the share of votes from
            new accounts; staff can void a set of votes with a recorded reason — the votes are kept, leave the figure at once, and can be restored.
          </li>
          <li>
            <strong>Reasons are moderated.</strong> Readers report reasons; moderators hide them with a note to the author; a reason reported by
            several established readers is hidden until a moderator looks, and the same text posted from several accounts is flagged.
          </li>
        </ul>
      </section>

      <section aria-labelledby="api">
        <h2 id="api">Check the numbers yourself</h2>
        <p>
          Every figure is available as JSON: <code>/api/tools</code> (the directory), <code>/api/tools/&lt;slug&gt;</code> (a tool, its verdicts
          and figures), <code>/api/tools/&lt;slug&gt;/history</code> (its daily figures), <code>/api/tools/&lt;slug&gt;/reasons</code> and{" "}
          <code>/api/comparisons/&lt;a&gt;-vs-&lt;b&gt;</code>.
        </p>
      </section>
    </ProsePage>
  );
}
