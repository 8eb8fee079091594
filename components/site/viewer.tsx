"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import type { DecisionJson } from "@/lib/scores/decision";
import { viewerSchema, type Viewer } from "@/lib/users/schema";

/**
 * The reader of this page, as the page learns it after loading: public pages
 * are the same HTML for everyone (served from the page cache, signed in or
 * not), and what is the reader's own — their votes, their name — comes from
 * one small request, GET /api/me (docs/decisions/022), made only when the
 * page came with a session cookie.
 *
 * Before that answer, the shell's `data-viewer` says whether the request
 * carried a session cookie (set by SiteShell, or by the page cache for a
 * cached page), so signed-in and signed-out layouts differ from the first
 * paint without a personal render (the `member:` CSS variant in app/globals.css).
 */
export type ViewerState = {
  /** "loading" until /api/me answers; then whether a session is signed in. */
  status: "loading" | "guest" | "member";
  user: Viewer["user"];
  votes: Viewer["votes"];
  /** The slugs of the tools the reader follows. */
  follows: Viewer["follows"];
  /** Records the reader's own vote after a change, for every widget on the page. */
  setVote: (slug: string, decision: DecisionJson | null) => void;
  /** Records a follow or unfollow, for every Follow button on the page. */
  setFollow: (slug: string, following: boolean) => void;
};

type Known = { status: ViewerState["status"]; user: Viewer["user"]; votes: Viewer["votes"]; follows: Viewer["follows"] };

// One context per page whichever copy of this module asks (see live-scores.tsx on Turbopack chunks).
const CONTEXT_KEY = Symbol.for("ship-or-skip.viewer");
const registry = globalThis as unknown as Record<symbol, React.Context<ViewerState | null> | undefined>;
const ViewerContext: React.Context<ViewerState | null> = (registry[CONTEXT_KEY] ??= createContext<ViewerState | null>(null));

function shell(): HTMLElement | null {
  return typeof document === "undefined" ? null : document.querySelector<HTMLElement>("[data-viewer]");
}

/** Whether the page was served to a request carrying a session cookie (a hint until /api/me answers). */
export function hintedMember(): boolean {
  return shell()?.dataset.viewer === "member";
}

export function ViewerProvider({ children }: { children: React.ReactNode }) {
  const [known, setKnown] = useState<Known>({ status: "loading", user: null, votes: {}, follows: [] });
  // Votes changed on this page before /api/me answered: newer than its answer, so they win over it.
  const changedHere = useRef(new Map<string, DecisionJson | null>());
  const followedHere = useRef(new Map<string, boolean>());

  useEffect(() => {
    const controller = new AbortController();
    void readViewer(controller.signal).then((next) => {
      if (!next || controller.signal.aborted) return;
      const merged = { ...next.votes };
      for (const [slug, decision] of changedHere.current) {
        if (decision) merged[slug] = decision;
        else delete merged[slug];
      }
      const follows = new Set(next.follows);
      for (const [slug, following] of followedHere.current) {
        if (following) follows.add(slug);
        else follows.delete(slug);
      }
      setKnown({ ...next, votes: merged, follows: [...follows] });
    });
    return () => controller.abort();
  }, []);

  const setVote = useCallback((slug: string, decision: DecisionJson | null) => {
    changedHere.current.set(slug, decision);
    setKnown((previous) => {
      const votes = { ...previous.votes };
      if (decision) votes[slug] = decision;
      else delete votes[slug];
      return { ...previous, votes };
    });
  }, []);

  const setFollow = useCallback((slug: string, following: boolean) => {
    followedHere.current.set(slug, following);
    setKnown((previous) => {
      const others = previous.follows.filter((followed) => followed !== slug);
      return { ...previous, follows: following ? [...others, slug] : others };
    });
  }, []);

  const value = useMemo<ViewerState>(() => ({ ...known, setVote, setFollow }), [known, setVote, setFollow]);
  return <ViewerContext.Provider value={value}>{children}</ViewerContext.Provider>;
}

/** Who reads this page: nobody when no session cookie came with it, else what /api/me says (null: aborted). */
async function readViewer(signal: AbortSignal): Promise<Known | null> {
  if (!hintedMember()) return { status: "guest", user: null, votes: {}, follows: [] };
  try {
    const response = await fetch("/api/me", { cache: "no-store", credentials: "same-origin", signal });
    if (!response.ok) throw new Error(`GET /api/me answered ${response.status}`);
    const parsed = viewerSchema.safeParse(((await response.json()) as { data?: unknown }).data);
    if (!parsed.success) throw new Error("GET /api/me answered an unexpected shape");
    const { user, votes, follows } = parsed.data;
    // The truth replaces the cookie's hint (an expired session, a cookie from another deployment).
    const element = shell();
    if (element) {
      element.dataset.viewer = user ? "member" : "guest";
      // Staff-only links (the header's Admin) show once the server has said who this is: never from the shared page.
      element.dataset.staff = user?.staff ? "true" : "false";
    }
    return { status: user ? "member" : "guest", user, votes, follows };
  } catch {
    if (signal.aborted) return null;
    // Unreachable for now (an outage, offline): keep to the hint; votes are then unknown, never wrong.
    return { status: hintedMember() ? "member" : "guest", user: null, votes: {}, follows: [] };
  }
}

const OUTSIDE: ViewerState = { status: "guest", user: null, votes: {}, follows: [], setVote: () => undefined, setFollow: () => undefined };

/** The reader of this page; outside a provider (tests, error pages), a signed-out reader. */
export function useViewer(): ViewerState {
  return useContext(ViewerContext) ?? OUTSIDE;
}
