import pino, { type Logger } from "pino";
import { env } from "@/lib/env";

// No `server-only`: the front gate (server.ts), Next's handlers and the job workers all log through this.

/** An email address anywhere in a string. */
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/** `a•••@example.com`: enough to tell two readers apart in a log, not enough to write to them. */
export const maskEmails = (text: string) => text.replace(EMAIL, (address) => `${address[0]}•••@${address.split("@")[1]}`);

/** Fields that hold secrets or addresses, wherever they appear in a log object (pino's redaction). */
const REDACT = [
  "email",
  "to",
  "token",
  "password",
  "cookie",
  "authorization",
  "sessionToken",
  "secret",
  "*.email",
  "*.to",
  "*.token",
  "*.cookie",
  "*.authorization",
  "*.sessionToken",
  "headers.cookie",
  "headers.authorization",
];

/**
 * Where lib/observability/tracing.ts, once its tracer provider runs, puts the function that gives the
 * active (sampled) span's ids: every line written inside a traced request or job carries them, so an
 * operator can go from a line to its trace. Without tracing configured the logger has no mixin at all.
 */
export const TRACE_FIELDS = Symbol.for("ship-or-skip.trace-fields");
export type TraceFields = { trace_id: string; span_id: string };
const globalForTrace = globalThis as unknown as Record<typeof TRACE_FIELDS, (() => TraceFields | undefined) | undefined>;
const traceFields = () => globalForTrace[TRACE_FIELDS]?.() ?? {};

function create(): Logger {
  return pino({
    level: env.LOG_LEVEL,
    ...(env.TRACING ? { mixin: traceFields } : {}),
    base: { service: "ship-or-skip" },
    messageKey: "msg",
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACT, censor: "[redacted]" },
    hooks: {
      // Free text (messages, error strings) is scrubbed of addresses too: redaction only knows field names.
      logMethod(args, method) {
        method.apply(
          this,
          args.map((arg) => (typeof arg === "string" ? maskEmails(arg) : arg instanceof Error ? Object.assign(arg, { message: maskEmails(arg.message) }) : arg)) as Parameters<typeof method>,
        );
      },
    },
  });
}

const KEY = Symbol.for("ship-or-skip.logger");
const globalForLog = globalThis as unknown as Record<typeof KEY, Logger | undefined>;

/** The process's logger (JSON lines on stdout), one instance however many bundles import this. */
export function log(): Logger {
  globalForLog[KEY] ??= create();
  return globalForLog[KEY];
}

/** A request id a client or proxy may send (X-Request-Id): kept when it looks like one, else a fresh one is made. */
export const REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;
