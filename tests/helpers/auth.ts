import { randomBytes } from "node:crypto";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { createUser } from "./factories";

/** The cookie Auth.js keeps its database session token in (over plain HTTP). */
export const SESSION_COOKIE = "authjs.session-token";

/** `newAccount`: signed up just now, so their votes wait (docs/decisions/030); otherwise an established reader. */
export type SignInOptions = { email?: string; role?: "USER" | "STAFF" | "ADMIN"; newAccount?: boolean };

/**
 * Signs a user in the way Auth.js's database sessions do — a Session row and
 * its cookie — in test code only. The app has no sign-in backdoor.
 */
export async function createSignedInUser(client: PrismaClient, options: SignInOptions = {}) {
  const user = await createUser(client, {
    ...(options.email ? { email: options.email } : {}),
    ...(options.newAccount ? { createdAt: new Date() } : {}),
    role: options.role ?? "USER",
  });
  const sessionToken = randomBytes(32).toString("hex");
  await client.session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 86_400_000) } });
  return { user, sessionToken, cookie: `${SESSION_COOKIE}=${sessionToken}` };
}

/**
 * The same for a spec that drives a running app (Playwright): signs a new user
 * in, in the database at DATABASE_URL, over a connection of its own.
 */
export async function createSignedInSession(options: SignInOptions = {}) {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run the specs through `npm test`, which prepares the database.");
  const client = createPrismaClient(url, { poolSize: 1 });
  try {
    return await createSignedInUser(client, options);
  } finally {
    await client.$disconnect();
  }
}
