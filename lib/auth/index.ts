import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter } from "next-auth/adapters";
import NextAuth, { type NextAuthConfig } from "next-auth";
import GitHub from "next-auth/providers/github";
import Nodemailer from "next-auth/providers/nodemailer";
import { db } from "@/lib/db";
import { emailMode } from "@/lib/email";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { enqueueEmail } from "@/lib/jobs/enqueue";
import type { Role } from "@/lib/generated/prisma/enums";
import { logAuthError } from "./log";
import { magicLinkEmail } from "./magic-link-email";
import { promoteConfiguredAdmin } from "./roles";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name?: string | null; image?: string | null; role: Role };
  }
  interface User {
    role?: Role;
  }
}

/**
 * Prisma's adapter, except that ending a session that is already gone (signed
 * out in another tab, or twice at once) is not an error: the reader is signed
 * out either way. Prisma throws P2025 for it, and Auth.js would answer 500.
 */
function tolerantAdapter(adapter: Adapter): Adapter {
  const deleteSession = adapter.deleteSession?.bind(adapter);
  return {
    ...adapter,
    async deleteSession(sessionToken: string): Promise<void> {
      try {
        await deleteSession?.(sessionToken);
      } catch (error) {
        if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025")) throw error;
      }
    },
  };
}

/** Sign-in links expire after an hour and work once (Auth.js deletes the token on use). */
export const MAGIC_LINK_MAX_AGE_SECONDS = 60 * 60;

export const githubEnabled = Boolean(env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET);
export const emailEnabled = emailMode() !== "disabled";

function config(): NextAuthConfig {
  return {
    adapter: tolerantAdapter(PrismaAdapter(db as never)),
    session: { strategy: "database", maxAge: 30 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    trustHost: true,
    // A client's mistake is one log line; a real failure is logged whole (lib/auth/log.ts).
    logger: { error: logAuthError },
    pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin" },
    providers: [
      ...(emailEnabled
        ? [
            Nodemailer({
              // Sending goes through the job queue (lib/email: SMTP, or the log in development).
              server: env.EMAIL_SERVER ?? { jsonTransport: true },
              from: env.EMAIL_FROM,
              maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
              normalizeIdentifier: (identifier) => identifier.trim().toLowerCase(),
              // Auth.js writes the token itself, outside any transaction of ours: the job is
              // added on its own, and dropped unsent once the link has expired (docs/decisions/035).
              async sendVerificationRequest({ identifier, url, expires }) {
                await enqueueEmail(db, "sign-in", magicLinkEmail(identifier, url, expires), { expiresAt: expires });
              },
            }),
          ]
        : []),
      ...(githubEnabled ? [GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET })] : []),
    ],
    callbacks: {
      // After sign-in, go back only to a page of this site (SITE_URL), never elsewhere.
      redirect({ url, baseUrl }) {
        const site = new URL(env.SITE_URL);
        let target: URL;
        try {
          target = new URL(url, site);
        } catch {
          return site.origin;
        }
        const ours = target.origin === site.origin || target.origin === new URL(baseUrl).origin;
        return ours ? `${site.origin}${target.pathname}${target.search}${target.hash}` : site.origin;
      },
      // Database sessions: `user` is the row read on this request, so a role
      // change takes effect on the very next request. Only `user` and
      // `expires` leave: the session row also holds the token (the HttpOnly
      // cookie's value) and `GET /api/auth/session` answers this object to any
      // script on the page.
      session({ session, user }) {
        return {
          user: { id: user.id, email: user.email, name: user.name, image: user.image, role: user.role ?? "USER" },
          expires: session.expires,
        };
      },
    },
    events: {
      signIn: async ({ user }) => {
        await promoteConfiguredAdmin(user);
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(config);
