"use client";

import { createContext, useContext, useEffect, useMemo, useRef, useState } from "react";
import { parseJson, toolStatsChangeSchema } from "@/lib/db-events/channels";
import { toolScores, type ToolScores, type ToolStats } from "@/lib/scores";

/** A tool's figures on this page and when the database wrote them (0: as rendered). */
type LiveFigures = ToolStats & { at: number };
type LiveTool = { slug: string; name: string; stats: ToolStats };

type LiveState = Record<string, LiveFigures> | null;

// Turbopack production builds may instantiate this module once per client chunk that imports it
// (vercel/next.js#89192), and a provider only reaches consumers holding the same context object.
// One context per page, kept on globalThis, whichever copy of the module asks.
const CONTEXT_KEY = Symbol.for("ship-or-skip.live-scores");
const registry = globalThis as unknown as Record<symbol, React.Context<LiveState> | undefined>;
const LiveContext: React.Context<LiveState> = (registry[CONTEXT_KEY] ??= createContext<LiveState>(null));

function describe(name: string, stats: ToolStats): string {
  const { panel, community } = toolScores(stats);
  const communityText =
    community.status === "none" ? "no community votes yet" : community.status === "provisional" ? `community ${community.countLabel}, too few to call` : `community ${community.label} ship from ${community.countLabel}`;
  return `${name}: panel ${panel.label === "—" ? "no verdicts" : `${panel.label} ship`}, ${communityText}.`;
}

/**
 * Keeps the figures of a page's tools current: one Server-Sent Events stream
 * (GET /api/live) for all of them; each change re-renders the figures that
 * read `useLiveScores` and is announced politely to screen readers. Without
 * JavaScript (or EventSource) the server-rendered figures simply stay.
 */
export function LiveScoresProvider({ tools, children }: { tools: LiveTool[]; children: React.ReactNode }) {
  const [state, setState] = useState<Record<string, LiveFigures>>(() =>
    Object.fromEntries(tools.map((tool) => [tool.slug, { ...tool.stats, at: 0 }])),
  );
  // The newest figures, read by the event handler; `state` mirrors it for rendering.
  const latest = useRef(state);
  const [announcement, setAnnouncement] = useState("");
  const [connection, setConnection] = useState<"connecting" | "open" | "closed">("connecting");
  const names = useRef(new Map(tools.map((tool) => [tool.slug, tool.name])));
  const key = tools.map((tool) => tool.slug).join(",");

  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource(`/api/live?tools=${encodeURIComponent(key)}`);
    source.onopen = () => setConnection("open");
    source.onerror = () => setConnection(source.readyState === EventSource.CLOSED ? "closed" : "connecting");
    source.addEventListener("stats", (event) => {
      // The same schema the server announces with (lib/db-events/channels.ts); anything else is ignored.
      const parsed = toolStatsChangeSchema.safeParse(parseJson((event as MessageEvent<string>).data));
      if (!parsed.success) return;
      const { slug, panelShip, panelTotal, communityShip, communityTotal, at } = parsed.data;
      const next: LiveFigures = { panelShip, panelTotal, communityShip, communityTotal, at };
      const current = latest.current[slug];
      if (current && current.at > next.at) return;
      const same =
        current &&
        current.panelShip === next.panelShip &&
        current.panelTotal === next.panelTotal &&
        current.communityShip === next.communityShip &&
        current.communityTotal === next.communityTotal;
      if (same && current.at === next.at) return;
      latest.current = { ...latest.current, [slug]: next };
      setState(latest.current);
      if (current && !same) setAnnouncement(`Updated: ${describe(names.current.get(slug) ?? slug, next)}`);
    });
    return () => source.close();
  }, [key]);

  return (
    <LiveContext.Provider value={state}>
      {children}
      <p className="sr-only" role="status" aria-live="polite" data-live-connection={connection}>
        {announcement}
      </p>
    </LiveContext.Provider>
  );
}

/** A tool's scores as the live stream last reported them; null outside a provider. */
export function useLiveScores(slug: string): ToolScores | null {
  const state = useContext(LiveContext);
  const figures = state?.[slug];
  return useMemo(() => (figures ? toolScores(figures) : null), [figures]);
}
