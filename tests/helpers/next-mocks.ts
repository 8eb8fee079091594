import type { CurrentUser } from "@/lib/auth/session";

/**
 * Next's request-time functions as integration tests of server actions need
 * them, in one place. Each test file wires them with hoisted mocks:
 *
 *   vi.mock("next/navigation", async () => (await import("../helpers/next-mocks")).navigation);
 *   vi.mock("next/cache", async () => (await import("../helpers/next-mocks")).cache);
 *   vi.mock("next/headers", async () => (await import("../helpers/next-mocks")).nextHeaders);
 *   vi.mock("@/lib/auth/session", async (original) => ({
 *     ...(await original<typeof import("@/lib/auth/session")>()),
 *     getCurrentUser: async () => (await import("../helpers/next-mocks")).session.user,
 *   }));
 *
 * and then sets `session.user` before each call.
 */

/** What redirect() throws here: the URL is both `url` and the message. */
export class Redirected extends Error {
  constructor(readonly url: string) {
    super(url);
  }
}
/** What forbidden() throws here. */
export class Forbidden extends Error {
  constructor() {
    super("forbidden");
  }
}
/** What notFound() throws here. */
export class NotFound extends Error {
  constructor() {
    super("notFound");
  }
}

/** next/navigation: redirect(), forbidden() and notFound() throw the classes above; unstable_rethrow passes them on. */
export const navigation = {
  redirect(url: string): never {
    throw new Redirected(url);
  },
  forbidden(): never {
    throw new Forbidden();
  },
  notFound(): never {
    throw new NotFound();
  },
  unstable_rethrow(error: unknown): void {
    if (error instanceof Redirected || error instanceof Forbidden || error instanceof NotFound) throw error;
  },
};

/**
 * next/headers as a server action sees the request. By default it is a call
 * from the client router, which always carries the Next-Action header; a test
 * of a plain HTML form post (no JavaScript) sets headers without it.
 */
export const request: { headers: Headers } = { headers: new Headers({ "next-action": "test" }) };
export const nextHeaders = {
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => undefined, delete: () => undefined }),
};

/** next/cache: refresh() has no request to refresh in a test. */
export const cache = { refresh: () => undefined };

/** The signed-in user the mocked getCurrentUser returns (null: signed out). */
export const session: { user: CurrentUser | null } = { user: null };
