"use client";

import type { Route } from "next";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition, type FormEvent } from "react";
import { communityScore } from "@/lib/scores";
import { toVoteCommunity, type VoteCommunity } from "@/lib/votes/schema";
import { useLiveScores } from "./live-scores";
import { CommunityFigure } from "./score-figures";
import { voteAction, voteFormAction, type VoteActionResult } from "@/lib/votes/actions";
import { hintedMember, useViewer } from "./viewer";
import { ReasonBox } from "./reason-box";

type Decision = "ship" | "skip";
type Community = VoteCommunity;

type Props = {
  tool: { slug: string; name: string };
  community: Community;
  /** On a personal page (never cached, e.g. /account), the reader's vote as the server knows it, shown before /api/me answers. */
  knownVote?: Decision | null;
  /** Where sign-in sends the visitor back to. */
  returnTo: string;
  compact?: boolean;
  /** Show the community figure large (the comparison's community section). */
  largeFigure?: boolean;
  /** Votes from new accounts, stored but not counted yet (docs/decisions/030). */
  pendingVotes?: number;
  /** The widget's heading level: 2 where it is the first section under the page's h1 (the tool page's sidebar). */
  headingLevel?: 2 | 3;
};

const PENDING_KEY = "sos:pending-vote";
const PENDING_NOTE = "Your vote is saved: votes from new accounts count once the account is no longer new.";
const PENDING_MAX_AGE_MS = 60 * 60 * 1000;

function withVote(community: Community, before: Decision | null, after: Decision | null): Community {
  const ship = community.ship + (after === "ship" ? 1 : 0) - (before === "ship" ? 1 : 0);
  const total = community.total + (after ? 1 : 0) - (before ? 1 : 0);
  const score = communityScore({ ship: Math.max(0, ship), total: Math.max(0, total) });
  return { ship: score.ship, total: score.total, label: score.label, countLabel: score.countLabel, status: score.status };
}

function describe(community: Community): string {
  if (community.status === "none") return "No votes yet";
  if (community.status === "provisional") return `Too few votes · ${community.countLabel}`;
  return `${community.label} ship · ${community.countLabel}`;
}

/**
 * Ship / skip vote on one tool. Optimistic: the figure moves at once and rolls
 * back with a message if the server refuses. The same HTML for every reader
 * (the page is cached and shared): the reader's own vote arrives with the
 * page's personal request (useViewer). Works without JavaScript (a plain form
 * posting to the server action, which sends a signed-out reader to sign in);
 * with it, a signed-out reader goes to sign-in and the vote is applied on return.
 */
export function VoteWidget({
  tool,
  community: initialCommunity,
  knownVote,
  returnTo,
  compact = false,
  largeFigure = false,
  pendingVotes: initialPendingVotes = 0,
  headingLevel = 3,
}: Props) {
  const viewer = useViewer();
  const router = useRouter();
  const known = knownVote !== undefined && viewer.status === "loading";
  const signedIn = viewer.status === "member" || known;
  const ownVote: Decision | null = known ? knownVote : (viewer.votes[tool.slug] ?? null);
  const [saved, setSaved] = useState<{ vote: Decision | null; community: Community }>({ vote: ownVote, community: initialCommunity });
  const [shown, setShown] = useState(saved);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [pending, startTransition] = useTransition();
  // The reader's reason: unknown until a vote through this widget answers, or the reader opens the box.
  // Known for one decision: a vote changed elsewhere (another tab, /account) makes it unknown again.
  const [reason, setReason] = useState<{ decision: Decision; text: string | null; hidden?: boolean; hiddenReason?: string | null } | undefined>(undefined);
  const [editingReason, setEditingReason] = useState(false);
  // Votes waiting for their accounts to age; and whether the reader's own vote is one of them (known after a vote here).
  const [pendingVotes, setPendingVotes] = useState(initialPendingVotes);
  const [ownPending, setOwnPending] = useState(false);
  const headingId = useId();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const appliedPending = useRef(false);
  const shipButton = useRef<HTMLButtonElement>(null);

  // Fresh figures from the server (a refresh after someone's vote) replace ours.
  useEffect(() => {
    setSaved((previous) => ({ ...previous, community: initialCommunity }));
    setShown((previous) => ({ ...previous, community: initialCommunity }));
  }, [initialCommunity]);
  useEffect(() => setPendingVotes(initialPendingVotes), [initialPendingVotes]);

  // The reader's own vote, once the page's personal request has answered (or another widget changed it).
  useEffect(() => {
    if (pending) return;
    setSaved((previous) => ({ ...previous, vote: ownVote }));
    setShown((previous) => ({ ...previous, vote: ownVote }));
  }, [ownVote, pending]);

  // Anyone's vote, on any node, arrives through the live stream; our own vote in flight wins until it settles.
  const live = useLiveScores(tool.slug)?.community;
  useEffect(() => {
    if (!live || pending) return;
    const community = toVoteCommunity(live);
    setSaved((previous) => ({ ...previous, community }));
    setShown((previous) => ({ ...previous, community }));
  }, [live, pending]);

  /** What the server saved (a vote, or a reason with it): the widget, the page's viewer and the known reason follow. */
  const applySaved = (result: Extract<VoteActionResult, { ok: true }>) => {
    const next = { vote: result.vote, community: result.community };
    setSaved(next);
    setShown(next);
    viewer.setVote(tool.slug, result.vote);
    setPendingVotes(result.pendingVotes);
    setOwnPending(result.pending);
    setReason(result.vote ? { decision: result.vote, text: result.reason?.text ?? null } : undefined);
  };

  const submit = (decision: Decision | null) => {
    const before = saved.vote;
    // A new account's vote waits (docs/decisions/030): once we know, the figure is not moved ahead of the server.
    const optimistic = { vote: decision, community: ownPending ? saved.community : withVote(saved.community, before, decision) };
    setShown(optimistic);
    setError(null);
    startTransition(async () => {
      const result = await voteAction(tool.slug, decision);
      if (result.ok) {
        // Withdrawn from its own button, which now hides: the keyboard's focus goes to Ship, not to <body>.
        const focusLost = result.vote === null && (document.activeElement === document.body || document.activeElement?.getAttribute("value") === "withdraw");
        applySaved(result);
        if (focusLost) requestAnimationFrame(() => shipButton.current?.focus());
        // A new or changed vote without a reason: offer the box at once.
        setEditingReason(!compact && result.vote !== null && result.vote !== before && !result.reason);
        setAnnouncement(
          `${result.vote ? `You voted ${result.vote} on ${tool.name}` : `Vote on ${tool.name} withdrawn`}.${result.pending ? ` ${PENDING_NOTE}` : ""} Community: ${describe(result.community)}.`,
        );
      } else if (result.signIn) {
        setShown(saved);
        if (decision) rememberAndSignIn(decision);
        router.push(signInHref as Route);
      } else {
        setShown(saved);
        setError(result.error);
        setAnnouncement(result.error);
      }
    });
  };

  const signInHref = `/signin?callbackUrl=${encodeURIComponent(returnTo)}`;
  function rememberAndSignIn(decision: Decision) {
    try {
      window.localStorage.setItem(PENDING_KEY, JSON.stringify({ tool: tool.slug, decision, at: Date.now() }));
    } catch {
      // Private mode: the visitor votes again after signing in.
    }
  }

  // A vote chosen before signing in is applied once, on return (same browser only).
  useEffect(() => {
    if (!signedIn || appliedPending.current) return;
    appliedPending.current = true;
    try {
      const raw = window.localStorage.getItem(PENDING_KEY);
      if (!raw) return;
      const pendingVote = JSON.parse(raw) as { tool?: string; decision?: string; at?: number };
      if (pendingVote.tool !== tool.slug) return;
      window.localStorage.removeItem(PENDING_KEY);
      const fresh = typeof pendingVote.at === "number" && Date.now() - pendingVote.at < PENDING_MAX_AGE_MS;
      if (fresh && (pendingVote.decision === "ship" || pendingVote.decision === "skip")) submit(pendingVote.decision);
    } catch {
      // Storage unavailable or malformed: nothing to apply.
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signedIn, tool.slug]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault(); // handled here with JavaScript; without it the server action runs
    if (pending) return; // one vote at a time (the buttons say so with aria-disabled)
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const value = submitter?.value;
    const decision = value === "ship" || value === "skip" ? value : null;
    // Signed out (or, before /api/me answers, no session cookie): sign in first, the vote is applied on return.
    const member = viewer.status === "member" || (viewer.status === "loading" && hintedMember());
    if (!member) {
      if (decision) rememberAndSignIn(decision);
      router.push(signInHref as Route);
      return;
    }
    submit(decision);
  };

  const button = (decision: Decision) => {
    const active = shown.vote === decision;
    const base =
      "inline-flex flex-1 items-center justify-center gap-1.5 rounded-xl px-4 py-2.5 text-sm font-semibold ring-1 ring-inset transition-colors disabled:cursor-wait";
    const tone =
      decision === "ship"
        ? active
          ? "bg-ship-600 text-white ring-ship-600 dark:bg-ship-500 dark:text-stone-950"
          : "bg-white text-ship-700 ring-stone-300 hover:bg-ship-50 dark:bg-stone-900 dark:text-ship-300 dark:ring-stone-700 dark:hover:bg-ship-950"
        : active
          ? "bg-skip-600 text-white ring-skip-600 dark:bg-skip-500 dark:text-stone-950"
          : "bg-white text-skip-700 ring-stone-300 hover:bg-skip-50 dark:bg-stone-900 dark:text-skip-300 dark:ring-stone-700 dark:hover:bg-skip-950";
    const label = (
      <>
        <span aria-hidden>{decision === "ship" ? "↑" : "↓"}</span>
        {decision === "ship" ? "Ship" : "Skip"}
        <span className="sr-only"> {tool.name}</span>
      </>
    );
    return (
      // aria-disabled, not disabled, while a vote is on its way: a disabled button loses the keyboard's focus to <body>.
      <button
        ref={decision === "ship" ? shipButton : undefined}
        type="submit"
        name="decision"
        value={decision}
        aria-pressed={signedIn ? active : undefined}
        aria-disabled={pending || undefined}
        className={`${base} ${tone} aria-disabled:cursor-wait`}
      >
        {label}
      </button>
    );
  };

  return (
    <section aria-labelledby={headingId} data-testid={`vote-${tool.slug}`} className={compact ? "" : "space-y-3"}>
      {largeFigure ? (
        <div data-testid="community-figure-large">
          <CommunityFigure community={shown.community} />
        </div>
      ) : null}
      <div className="flex items-baseline justify-between gap-3">
        <Heading id={headingId} className={compact ? "sr-only" : "text-sm font-medium"}>
          {compact ? (
            `Your vote on ${tool.name}`
          ) : (
            <>
              <span className="member:hidden">Vote</span>
              <span className="hidden member:inline">Your vote</span>
              {/* Two widgets on a comparison: each region has its own name. */}
              <span className="sr-only"> on {tool.name}</span>
            </>
          )}
        </Heading>
        {!compact && !largeFigure ? (
          <p className="text-xs tabular-nums text-stone-500 dark:text-stone-400" data-testid="community-figure">
            {describe(shown.community)}
          </p>
        ) : null}
      </div>
      {!compact && pendingVotes > 0 ? (
        <p className="text-xs tabular-nums text-stone-500 dark:text-stone-400" data-testid="pending-votes">
          +{pendingVotes.toLocaleString("en-US")} new-account {pendingVotes === 1 ? "vote" : "votes"} pending
          <span className="sr-only">: counted once the accounts are no longer new</span>
        </p>
      ) : null}
      <form action={voteFormAction} onSubmit={onSubmit} className="space-y-2">
        <input type="hidden" name="tool" value={tool.slug} />
        <div className="flex gap-2">
          {button("ship")}
          {button("skip")}
        </div>
        {/* Signed in, its line is always there (hidden until there is a vote to withdraw), so nothing moves when the vote arrives. */}
        <button
          type="submit"
          name="decision"
          value="withdraw"
          disabled={pending || !shown.vote}
          className={`hidden text-xs font-medium text-stone-500 underline decoration-stone-300 underline-offset-2 hover:text-stone-800 member:block dark:text-stone-400 dark:hover:text-stone-200 ${signedIn && shown.vote ? "" : "invisible"}`}
        >
          Withdraw my vote
        </button>
        {!compact ? (
          <p className="text-xs text-stone-500 member:hidden dark:text-stone-400">
            <a href={signInHref} className="font-medium underline underline-offset-2">Sign in</a> to vote — one vote per tool, change it any time.
          </p>
        ) : null}
      </form>
      {!compact ? (
        <ReasonBox
          tool={tool}
          decision={saved.vote ?? "ship"}
          reason={reason && reason.decision === saved.vote ? { text: reason.text, hidden: reason.hidden, hiddenReason: reason.hiddenReason } : undefined}
          editing={editingReason && Boolean(saved.vote)}
          onEditing={setEditingReason}
          onLoaded={(loaded) => saved.vote && setReason({ decision: saved.vote, ...loaded })}
          onSaved={applySaved}
          hidden={!signedIn || !saved.vote || pending}
        />
      ) : null}
      {ownPending && shown.vote && !compact ? (
        <p className="text-xs text-stone-500 dark:text-stone-400" data-testid="own-vote-pending">
          {PENDING_NOTE}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="rounded-lg bg-skip-50 px-3 py-2 text-xs font-medium text-skip-700 dark:bg-skip-950 dark:text-skip-300">
          {error}
        </p>
      ) : null}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </section>
  );
}
