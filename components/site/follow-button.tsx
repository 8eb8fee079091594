"use client";

import type { Route } from "next";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { followAction, followFormAction } from "@/lib/follows/actions";
import { hintedMember, useViewer } from "./viewer";

type Props = {
  tool: { slug: string; name: string };
  /** Where sign-in sends the visitor back to. */
  returnTo: string;
};

/**
 * Follow / Following for one tool (docs/decisions/037). The same HTML for
 * every reader (the page is cached and shared): whether the reader follows
 * arrives with the page's personal request (useViewer's `follows`). Without
 * JavaScript it is a form posting to the server action (which follows, and
 * sends a signed-out reader to sign in); with it, a signed-out reader goes to
 * sign-in and comes back to this page.
 */
export function FollowButton({ tool, returnTo }: Props) {
  const viewer = useViewer();
  const router = useRouter();
  const following = viewer.follows.includes(tool.slug);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [pending, startTransition] = useTransition();
  const signInHref = `/signin?callbackUrl=${encodeURIComponent(returnTo)}`;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault(); // handled here with JavaScript; without it the server action runs
    if (pending) return;
    const member = viewer.status === "member" || (viewer.status === "loading" && hintedMember());
    if (!member) {
      router.push(signInHref as Route);
      return;
    }
    const next = !following;
    setError(null);
    viewer.setFollow(tool.slug, next);
    startTransition(async () => {
      const result = await followAction(tool.slug, next);
      if (result.ok) {
        viewer.setFollow(tool.slug, result.following);
        setAnnouncement(result.following ? `You follow ${tool.name}: a daily email tells you what changed.` : `You no longer follow ${tool.name}.`);
      } else {
        viewer.setFollow(tool.slug, !next);
        if (result.signIn) {
          router.push(signInHref as Route);
          return;
        }
        setError(result.error);
        setAnnouncement(result.error);
      }
    });
  };

  const active = viewer.status === "member" && following;
  return (
    <div data-testid={`follow-${tool.slug}`} className="space-y-1">
      <form action={followFormAction} onSubmit={onSubmit}>
        <input type="hidden" name="tool" value={tool.slug} />
        <input type="hidden" name="follow" value={active ? "unfollow" : "follow"} />
        <button
          type="submit"
          aria-pressed={viewer.status === "member" ? active : undefined}
          aria-disabled={pending || undefined}
          className={`inline-flex items-center gap-1.5 rounded-full px-3 py-1.5 text-xs font-semibold ring-1 ring-inset transition-colors aria-disabled:cursor-wait ${
            active
              ? "bg-stone-900 text-white ring-stone-900 dark:bg-stone-100 dark:text-stone-950 dark:ring-stone-100"
              : "bg-white text-stone-700 ring-stone-300 hover:bg-stone-50 dark:bg-stone-900 dark:text-stone-200 dark:ring-stone-700 dark:hover:bg-stone-800"
          }`}
        >
          <span aria-hidden>{active ? "✓" : "+"}</span>
          {active ? "Following" : "Follow"}
          <span className="sr-only"> {tool.name}</span>
        </button>
      </form>
      {error ? (
        <p role="alert" className="text-xs font-medium text-skip-700 dark:text-skip-300">
          {error}
        </p>
      ) : null}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
