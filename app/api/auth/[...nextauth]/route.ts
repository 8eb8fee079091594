import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { emailSchema } from "@/lib/auth/schema";
import { limitSignInRequest } from "@/lib/auth/sign-in-limit";
import { handle } from "@/lib/http/errors";
import { clientIp } from "@/lib/rate-limit";

export const { GET } = handlers;

/**
 * Auth.js endpoints. A direct POST asking for a magic link goes through the
 * same per-email and per-IP limit as the /signin form (429 with Retry-After).
 */
export const POST = handle(async (request: NextRequest) => {
  if (new URL(request.url).pathname.endsWith("/signin/nodemailer")) {
    const form = await request.clone().formData().catch(() => null);
    const email = emailSchema.safeParse(form?.get("email") ?? "");
    if (email.success) await limitSignInRequest(email.data, clientIp(request.headers));
  }
  return handlers.POST(request);
});
