import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { headers } from "next/headers";

/**
 * Whether the code running now is a server action that a form posted without
 * JavaScript (a plain HTML form post: no Next-Action header, which every call
 * from the client router carries).
 *
 * Why it matters: when such an action throws forbidden() or notFound(), Next
 * 16 renders its fallback page *without the root layout* — a 404 whose body
 * is a fragment with no <html>, no <head>, no styles (app-render's
 * createNotFoundLoaderTree). A guard that would refuse there sends the reader
 * to the page instead (a 303), whose GET answers 403 with the whole site.
 * Called from the client router, the same action keeps forbidden(): Next
 * renders that in place, correctly.
 */
const actionScope = new AsyncLocalStorage<true>();

/** Runs an action's step (its authorisation) marked as inside a server action. */
export function asServerAction<T>(step: () => Promise<T>): Promise<T> {
  return actionScope.run(true, step);
}

/** Inside a server action posted by a plain form, without the client router. */
export async function postedWithoutScript(): Promise<boolean> {
  if (!actionScope.getStore()) return false;
  return (await headers()).get("next-action") === null;
}
