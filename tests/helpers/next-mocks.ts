import type { CurrentUser } from "@/lib/auth/session";

/**
 * Next's request-time functions as integration tests of server actions need
 * them, in one place. Each test file wires them with hoisted mocks:
 *
 *   vi.mock("next/navigation", async () => (await import("../helpers/next-mocks")).navigation);
 *   vi.mock("next/cache", async () => (await import("../helpers/next-mocks")).cache);
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

/** next/cache: refresh() has no request to refresh in a test. */
export const cache = { refresh: () => undefined };

/** The signed-in user the mocked getCurrentUser returns (null: signed out). */
export const session: { user: CurrentUser | null } = { user: null };
