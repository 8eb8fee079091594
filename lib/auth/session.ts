import "server-only";
import { cache } from "react";
import { auth } from "./index";
import type { CurrentUser } from "./request-user";

export type { CurrentUser };

/** The signed-in user of this request (pages, layouts, server actions), or null. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  return { id: session.user.id, email: session.user.email, name: session.user.name ?? null, role: session.user.role };
});

// The API's reader, from the session cookie alone: a plain module the front gate shares (docs/decisions/046).
export { getRequestUser, requestSessionToken, requireRequestStaff, requireRequestUser } from "./request-user";
