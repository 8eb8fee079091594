import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/db/client";

/**
 * Signs a user in the way Auth.js's database sessions do — a Session row and
 * its cookie — in test code only. The app has no sign-in backdoor.
 */
export async function createSignedInUser(
  client: PrismaClient,
  options: { email?: string; role?: "USER" | "STAFF" | "ADMIN" } = {},
) {
  const email = options.email ?? `user-${randomBytes(6).toString("hex")}@example.test`;
  const user = await client.user.create({ data: { email, role: options.role ?? "USER", emailVerified: new Date() } });
  const sessionToken = randomBytes(32).toString("hex");
  await client.session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 86_400_000) } });
  return { user, sessionToken, cookie: `authjs.session-token=${sessionToken}` };
}
