import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { env } from "@/lib/env";
import { CHANNEL_PAYLOADS, CHANNELS, parseJson, type ChannelPayload, type EventChannel } from "./channels";
import { log } from "@/lib/observability/log";

/**
 * This process's one LISTEN connection: every NOTIFY the database sends
 * (lib/db-events/channels.ts) arrives here, is parsed once, and goes to the
 * subscribers — the live figures (lib/live), the page cache's invalidation
 * (lib/page-cache/invalidation.ts), the viewer cache's (lib/users/viewer-cache.ts) and the outage breaker (lib/health/breaker.ts).
 * Nothing else in the app opens a LISTEN.
 *
 * - Reconnects: postgres.js reconnects with backoff and re-runs LISTEN; every
 *   re-LISTEN after the first calls the `onResync` subscribers, since a write
 *   may have gone unheard during the gap (an unreadable payload does too).
 * - Self-ping: every 2 s (every second while in doubt) a NOTIFY on the ping
 *   channel, sent over a second connection, must come back on the LISTEN
 *   connection. `onPing` subscribers get each result; `hearing` turns true
 *   with the first that comes back and false after two in a row do not, and
 *   `onHearing` subscribers get its changes.
 *
 * One instance per process, kept on globalThis: the proxy and the app's route
 * handlers are bundled apart but run in one Node process, and share it.
 */

/** How the LISTEN connection shows in pg_stat_activity: this prefix, a space, the node's name. */
export const EVENTS_APPLICATION_NAME = "ship-or-skip-events";
const PING_APPLICATION_NAME = "ship-or-skip-ping";
/** Self-pings that must go unheard in a row before subscribers are told the events may be missed. */
const UNHEARD_PINGS_FOR_DEAFNESS = 2;

export type PingResult = {
  /** The database took the ping's NOTIFY. */
  answered: boolean;
  /** It did not, because the connection was refused or dropped (not merely slow). */
  refused: boolean;
  /** The NOTIFY came back on the LISTEN connection. */
  heard: boolean;
  ms: number;
};

export type DatabaseEvents = {
  subscribe<C extends EventChannel>(channel: C, handler: (payload: ChannelPayload<C>) => void): () => void;
  /** After every re-LISTEN (and an unreadable notification): something may have been missed. */
  onResync(handler: () => void): () => void;
  /** Changes of `hearing`. */
  onHearing(handler: (hearing: boolean) => void): () => void;
  /** The result of every self-ping. */
  onPing(handler: (result: PingResult) => void): () => void;
  /** Self-pings are coming back: notifications are arriving (false after two in a row went unheard). */
  readonly hearing: boolean;
  /** Times LISTEN was established: 1 after start, +1 per reconnect. */
  readonly listens: number;
  /** One round trip now (readiness checks). */
  ping(timeoutMs?: number): Promise<PingResult>;
  /** Self-ping now rather than at the next tick (something failed in a way that may mean the database is gone). */
  check(): void;
  stop(): Promise<void>;
};

export type DatabaseEventsOptions = {
  url: string;
  /** This node's name, for pg_stat_activity. */
  name: string;
  pingEveryMs?: number;
  pingWhileInDoubtMs?: number;
  pingTimeoutMs?: number;
  /** Run the periodic self-ping (on by default). */
  selfPing?: boolean;
};

type Handler = (payload: never) => void;

export function createDatabaseEvents(options: DatabaseEventsOptions): DatabaseEvents {
  const { url, name, pingEveryMs = 2_000, pingWhileInDoubtMs = 1_000, pingTimeoutMs = 2_000, selfPing = true } = options;
  const connection = (prefix: string) => ({
    max: 1,
    connect_timeout: 2,
    connection: { application_name: `${prefix} ${name}`.slice(0, 63) },
    onnotice: () => {},
  });
  const listenSql = postgres(url, connection(EVENTS_APPLICATION_NAME));
  const pingSql = postgres(url, connection(PING_APPLICATION_NAME));

  const handlers = new Map<EventChannel, Set<Handler>>();
  const resyncHandlers = new Set<() => void>();
  const hearingHandlers = new Set<(hearing: boolean) => void>();
  const pingHandlers = new Set<(result: PingResult) => void>();
  const awaitedPings = new Map<string, () => void>();
  let listens = 0;
  let hearing = false;
  let unheard = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const emit = <T extends unknown[]>(set: Set<(...args: T) => void>, ...args: T) => {
    for (const handler of [...set]) {
      try {
        handler(...args);
      } catch (error) {
        log().error({ err: error }, "a database-event subscriber failed");
      }
    }
  };
  const add = <T>(set: Set<T>, handler: T) => {
    set.add(handler);
    return () => void set.delete(handler);
  };

  const deliver = (channel: EventChannel) => (text: string) => {
    const parsed = CHANNEL_PAYLOADS[channel].safeParse(parseJson(text));
    if (!parsed.success) {
      log().error({ channel, payload: text.slice(0, 200) }, "unreadable notification, resyncing");
      emit(resyncHandlers);
      return;
    }
    emit((handlers.get(channel) ?? new Set()) as Set<(payload: unknown) => void>, parsed.data);
  };

  const setHearing = (value: boolean) => {
    if (value === hearing) return;
    hearing = value;
    if (!value && !stopped) log().warn({ node: name }, "database events: self-ping unheard, subscribers told");
    emit(hearingHandlers, value);
  };

  // postgres.js re-listens by itself after a lost connection, but not when the first LISTEN failed.
  let listening: Promise<unknown> | null = null;
  const listen = () =>
    (listening ??= Promise.all([
      listenSql.listen(CHANNELS.toolStats, deliver(CHANNELS.toolStats)),
      listenSql.listen(CHANNELS.content, deliver(CHANNELS.content)),
      listenSql.listen(CHANNELS.reasons, deliver(CHANNELS.reasons)),
      listenSql.listen(CHANNELS.viewer, deliver(CHANNELS.viewer)),
      // Listened to last: after a reconnect postgres.js re-listens in order, so once this one is back the others are too.
      listenSql.listen(CHANNELS.ping, (id) => awaitedPings.get(id)?.(), () => {
        listens += 1;
        if (listens > 1) emit(resyncHandlers);
      }),
    ]).catch((error: unknown) => {
      listening = null;
      throw error;
    }));

  async function ping(timeoutMs = pingTimeoutMs): Promise<PingResult> {
    const started = performance.now();
    const done = (result: Omit<PingResult, "ms">): PingResult => ({ ...result, ms: Math.round(performance.now() - started) });
    const id = randomUUID();
    const heard = new Promise<void>((resolve) => awaitedPings.set(id, resolve));
    try {
      // Before the first LISTEN is up a NOTIFY would go unheard: wait for it (bounded) once.
      if (listens === 0) await withTimeout(listen(), timeoutMs).catch(() => undefined);
      try {
        await withTimeout(pingSql`SELECT pg_notify(${CHANNELS.ping}, ${id})`, timeoutMs);
      } catch (error) {
        return done({ answered: false, refused: isConnectionError(error), heard: false });
      }
      listen().catch(() => undefined);
      try {
        await withTimeout(heard, timeoutMs);
        return done({ answered: true, refused: false, heard: true });
      } catch {
        return done({ answered: true, refused: false, heard: false });
      }
    } finally {
      awaitedPings.delete(id);
    }
  }

  const schedule = (ms: number) => {
    clearTimeout(timer);
    if (stopped || !selfPing) return;
    timer = setTimeout(async () => {
      const result = await ping();
      if (stopped) return;
      // One ping late on a busy machine is not deafness: hearing ends after two unheard in a row
      // (a lost connection is caught sooner: postgres.js re-listens and subscribers resync).
      unheard = result.heard ? 0 : unheard + 1;
      if (result.heard || unheard >= UNHEARD_PINGS_FOR_DEAFNESS) setHearing(result.heard);
      emit(pingHandlers, result);
      schedule(result.heard ? pingEveryMs : pingWhileInDoubtMs);
    }, ms);
    timer.unref();
  };
  listen().catch(() => undefined);
  schedule(0);

  return {
    subscribe(channel, handler) {
      const set = handlers.get(channel) ?? new Set<Handler>();
      handlers.set(channel, set);
      return add(set, handler as Handler);
    },
    onResync: (handler) => add(resyncHandlers, handler),
    onHearing: (handler) => add(hearingHandlers, handler),
    onPing: (handler) => add(pingHandlers, handler),
    get hearing() {
      return hearing;
    },
    get listens() {
      return listens;
    },
    ping,
    check: () => schedule(0),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      setHearing(false);
      await Promise.all([listenSql.end({ timeout: 1 }), pingSql.end({ timeout: 1 })]);
    },
  };
}

/** A node's copy of database state kept by the events (the page cache, the viewer cache). */
export type HeardCopy = { clear(): void; setHearing(hearing: boolean): void };

/**
 * Keeps a copy honest about what it may have missed: emptied after every resync
 * (a write may have gone unheard), told each time hearing starts or stops (it
 * answers only while heard), and told now.
 */
export function keepWhileHeard(copy: HeardCopy, events: DatabaseEvents): void {
  events.onResync(() => copy.clear());
  events.onHearing((hearing) => copy.setHearing(hearing));
  copy.setHearing(events.hearing);
}

const KEY = Symbol.for("ship-or-skip.db-events");
const globalForEvents = globalThis as unknown as Record<typeof KEY, DatabaseEvents | undefined>;

let closedForGood = false;

/** This process's database events, started on first use; null without DATABASE_URL (a build) and once the node shuts down. */
export function databaseEvents(): DatabaseEvents | null {
  if (!env.DATABASE_URL || closedForGood) return null;
  globalForEvents[KEY] ??= createDatabaseEvents({ url: env.DATABASE_URL, name: env.NODE_ID ?? `pid-${process.pid}` });
  return globalForEvents[KEY];
}

/**
 * Closes this process's LISTEN connection. For good at shutdown; otherwise
 * (tests) the next `databaseEvents()` opens a new one.
 */
export async function stopDatabaseEvents({ forGood = false } = {}): Promise<void> {
  closedForGood ||= forGood;
  const events = globalForEvents[KEY];
  globalForEvents[KEY] = undefined;
  await events?.stop();
}

/** postgres.js / Node errors that mean no connection, as opposed to a slow one. */
function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^(ECONNREFUSED|ECONNRESET|EPIPE|ENOTFOUND|EHOSTUNREACH|CONNECTION_CLOSED|CONNECTION_ENDED|CONNECTION_DESTROYED|CONNECT_TIMEOUT|57P0[1-3])$/.test(code);
}

/**
 * `promise`, or a rejection after `ms`. When the timer fires, the rejection
 * waits for the event loop's next poll of I/O (setImmediate runs after it):
 * on a busy process, timers run before the sockets are read, so an answer
 * that arrived in time but sits unread would otherwise count as a timeout
 * and an overloaded node would take its own lag for a database outage.
 */
export function withTimeout<T>(promise: PromiseLike<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let immediate: NodeJS.Immediate | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      immediate = setImmediate(() => reject(new Error(`timed out after ${ms} ms`)));
    }, ms);
    timer.unref();
  });
  return Promise.race([Promise.resolve(promise), expired]).finally(() => {
    clearTimeout(timer);
    if (immediate) clearImmediate(immediate);
  });
}
