import { readFileSync } from "node:fs";
import path from "node:path";
import type { Refusal } from "./refusal";

/**
 * Server action requests are checked before Next decodes them. Next answers
 * 500 (and logs a stack) for any body its decoder cannot read — text that is
 * not JSON, a multipart body without a boundary, references to parts that
 * were never sent, 2,000 arguments — because it cannot tell a client's
 * garbage from its own failure. What this app's pages send is narrow and
 * known (captured from the browser: React's reply encoding of plain values
 * and FormData), so anything outside it is refused here with a 400 in the
 * site's shape, and an id the build does not know gets the 404 Next's client
 * router understands (it reloads the page after a deploy).
 *
 * Accepted:
 * - a fetch action (Next-Action header): `text/plain` holding a JSON array of
 *   arguments, or `multipart/form-data` whose field "0" is that array and whose
 *   other fields are the entries of the FormData it references (`$K<id>`,
 *   fields named `_<id>_<name>`);
 * - a form posted without JavaScript: `multipart/form-data` or urlencoded
 *   naming a known action (`$ACTION_ID_<id>`, or `$ACTION_REF_<n>` with its
 *   `$ACTION_<n>:0` / `$ACTION_<n>:1` fields).
 * Inside the arguments, only values that need no other part: strings, numbers,
 * booleans, null, plain arrays and objects, and the inline special values
 * (`$$…` escaped strings, `$undefined`, `$NaN`, `$Infinity`, `$-Infinity`,
 * `$-0`, `$D<date>`, `$n<bigint>`).
 */

/** As Next: at most this many arguments (it throws above it, with a 500). */
const MAX_ARGUMENTS = 1000;
/** Nesting deeper than any form state of ours (the decoder recurses and can overflow the stack). */
const MAX_DEPTH = 32;

const bad = (message: string): Refusal => ({ status: 400, code: "bad_request", message });
const unknownAction = (): Refusal => ({
  status: 404,
  code: "not_found",
  message: "This form is out of date: reload the page and try again.",
  headers: { "x-nextjs-action-not-found": "1" },
});

/** Action id → the paths of the pages that serve it (as patterns). */
export type ActionManifest = Map<string, RegExp[]>;
let manifest: ActionManifest | null | undefined;

/** `app/(site)/tools/[slug]/page` → /^\/tools\/[^/]+$/: the URLs a page of the build answers. */
export function pagePattern(worker: string): RegExp {
  const segments = worker
    .replace(/^app/, "")
    .replace(/\/page$/, "")
    .split("/")
    .filter((segment) => segment && !/^\(.*\)$/.test(segment));
  const source = segments.map((segment) => (/^\[\.\.\..+\]$/.test(segment) ? "(?:/[^/]+)+" : /^\[.+\]$/.test(segment) ? "/[^/]+" : `/${segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`)).join("");
  return new RegExp(`^${source || "/"}$`);
}

/** The server actions of this build and where each is served (null when there is no build manifest, as under `next dev`). */
export function serverActions(): ActionManifest | null {
  if (manifest !== undefined) return manifest;
  try {
    const file = path.join(process.cwd(), ".next/server/server-reference-manifest.json");
    const parsed = JSON.parse(readFileSync(file, "utf8")) as { node?: Record<string, { workers?: Record<string, unknown> }> };
    manifest = new Map(Object.entries(parsed.node ?? {}).map(([id, entry]) => [id, Object.keys(entry.workers ?? {}).map(pagePattern)]));
  } catch {
    manifest = null;
  }
  return manifest;
}

/** Whether this page serves the action (Next answers an action it cannot find on the page with a warning and a stack). */
function servedHere(actions: ActionManifest | null, id: string, pathname: string): boolean {
  if (!actions) return true;
  return actions.get(id)?.some((pattern) => pattern.test(pathname)) ?? false;
}

/** A string inside the arguments: plain, or one of React's inline special values. */
function safeString(value: string, formDataIds: Set<string> | null): boolean {
  if (value[0] !== "$") return true;
  const tag = value[1];
  if (tag === "$" || value === "$undefined" || value === "$NaN" || value === "$Infinity" || value === "$-Infinity" || value === "$-0") return true;
  if (tag === "D") return !Number.isNaN(Date.parse(value.slice(2)));
  if (tag === "n") return /^-?\d{1,300}$/.test(value.slice(2));
  if (tag === "K" && formDataIds) {
    const id = value.slice(2);
    if (!/^[0-9a-f]{1,8}$/.test(id)) return false;
    formDataIds.add(id);
    return true;
  }
  return false;
}

/** The arguments: an array within the limits, holding only self-contained values. */
function checkArguments(json: string, formDataIds: Set<string> | null): string | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return "The action's arguments are not JSON.";
  }
  if (!Array.isArray(value)) return "The action's arguments must be a list.";
  if (value.length > MAX_ARGUMENTS) return `An action takes at most ${MAX_ARGUMENTS} arguments.`;
  const visit = (node: unknown, depth: number): boolean => {
    if (depth > MAX_DEPTH) return false;
    if (typeof node === "string") return safeString(node, formDataIds);
    if (Array.isArray(node)) return node.every((item) => visit(item, depth + 1));
    if (node !== null && typeof node === "object") return Object.entries(node).every(([key, item]) => key !== "__proto__" && visit(item, depth + 1));
    return true;
  };
  return visit(value, 0) ? null : "The action's arguments hold something this site never sends.";
}

/**
 * A form posted without JavaScript: the action it names must exist, and any
 * bound arguments must be readable. Next takes every multipart post to a page
 * for such a form, so one that names no action is refused here (Next would
 * answer it with a warning and a stack in the log).
 */
function checkFormPost(form: FormData, multipart: boolean, known: ActionManifest | null, pathname: string): Refusal | null {
  const names = [...new Set(form.keys())].filter((name) => name.startsWith("$ACTION_"));
  if (names.length === 0) return multipart ? bad("This form names no action.") : null;
  if (names.filter((name) => name.startsWith("$ACTION_REF_")).length > 2) return bad("This form names too many actions.");
  for (const name of names) {
    const direct = /^\$ACTION_ID_(.+)$/.exec(name);
    if (direct) {
      if (!servedHere(known, direct[1]!, pathname)) return unknownAction();
      continue;
    }
    const reference = /^\$ACTION_REF_(\d{1,4})$/.exec(name);
    if (!reference) continue;
    const heads = form.getAll(`$ACTION_${reference[1]}:0`);
    const head = heads[0];
    if (heads.length !== 1 || typeof head !== "string") return bad("This form's action reference is incomplete.");
    let parsed: { id?: unknown; bound?: unknown };
    try {
      parsed = JSON.parse(head) as typeof parsed;
    } catch {
      return bad("This form's action reference is not JSON.");
    }
    if (!head.startsWith('{"id":"') || typeof parsed.id !== "string" || (parsed.bound !== null && typeof parsed.bound !== "string")) return bad("This form's action reference is malformed.");
    if (!servedHere(known, parsed.id, pathname)) return unknownAction();
    if (parsed.bound !== null) {
      const bound = form.get(`$ACTION_${reference[1]}:1`);
      if (parsed.bound !== "$@1" || typeof bound !== "string") return bad("This form's bound arguments are missing.");
      const problem = checkArguments(bound, null);
      if (problem) return bad(problem);
    }
  }
  return null;
}

/**
 * The proxy's step for a POST to a page: null when Next may decode it, else
 * the refusal. Reads a copy of the body (the gate has already capped its size).
 */
export async function refuseMalformedAction(request: Request & { nextUrl: URL }, known: ActionManifest | null = serverActions()): Promise<Refusal | null> {
  if (request.method !== "POST" || request.nextUrl.pathname.startsWith("/api/")) return null;
  const actionId = request.headers.get("next-action");
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  const { pathname } = request.nextUrl;
  const multipart = type.startsWith("multipart/form-data");
  if (multipart && !/;\s*boundary=/.test(type)) return bad("A multipart body needs a boundary.");

  if (actionId === null) {
    if (!multipart && !type.startsWith("application/x-www-form-urlencoded")) return null;
    const form = await request.clone().formData().catch(() => null);
    if (!form) return bad("This form's body cannot be read.");
    return checkFormPost(form, multipart, known, pathname);
  }

  if (!/^[0-9a-f]{2,64}$/.test(actionId) || !servedHere(known, actionId, pathname)) return unknownAction();
  // Browsers send Origin with every action; Next warns about one without it. Scripts have no business here.
  if (!request.headers.get("origin")) return { status: 403, code: "cross_site_request", message: "A server action needs the Origin header a browser sends." };
  if (type.startsWith("text/plain")) {
    const problem = checkArguments(await request.clone().text(), null);
    return problem ? bad(problem) : null;
  }
  if (!multipart) return { status: 415, code: "unsupported_media_type", message: "A server action is sent as text/plain or multipart/form-data." };
  const form = await request.clone().formData().catch(() => null);
  if (!form) return bad("This action's body cannot be read.");
  const root = form.get("0");
  if (typeof root !== "string") return bad("This action's arguments are missing.");
  const formDataIds = new Set<string>();
  const problem = checkArguments(root, formDataIds);
  if (problem) return bad(problem);
  for (const name of form.keys()) {
    if (name === "0") continue;
    const owner = /^_([0-9a-f]{1,8})_/.exec(name)?.[1];
    if (!owner || !formDataIds.has(owner)) return bad("This action's body holds a field nothing refers to.");
  }
  return null;
}
