import { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { csrfVerified, isEmailSignIn, readAuthBody } from "@/lib/auth/csrf";
import { DISPOSABLE_MESSAGE, signInEmailSchema } from "@/lib/auth/sign-in-email";
import { limitSignInRequest } from "@/lib/auth/sign-in-limit";
import { ApiError, inErrorShape, badRequest, handle } from "@/lib/http/errors";
import { assertSameOrigin } from "@/lib/http/origin";
import { clientIp } from "@/lib/rate-limit";

/**
 * Auth.js endpoints. A direct POST asking for a magic link goes through the
 * same per-email and per-IP limit as the /signin form (429 with Retry-After).
 *
 * Auth.js answers 500 to a callback URL it cannot read, from the query or its
 * callback-url cookie; here the query one is a 400 and such a cookie is
 * ignored (as if it were not there), before Auth.js sees the request.
 */

const CALLBACK_COOKIES = new Set(["authjs.callback-url", "__Secure-authjs.callback-url"]);

/** The test Auth.js applies: a path on this site, or an absolute http(s) URL. */
function readableCallback(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? "http://localhost" : undefined).protocol);
  } catch {
    return false;
  }
}

function checked(request: NextRequest): NextRequest {
  if (!request.nextUrl.searchParams.getAll("callbackUrl").every(readableCallback)) {
    throw new ApiError(400, "invalid_request", "callbackUrl must be a path on this site or an http(s) URL.");
  }
  const cookie = request.headers.get("cookie");
  if (!cookie) return request;
  const parts = cookie.split(";");
  const kept = parts.filter((part) => {
    const index = part.indexOf("=");
    if (index === -1 || !CALLBACK_COOKIES.has(part.slice(0, index).trim())) return true;
    let value = part.slice(index + 1).trim();
    try {
      value = decodeURIComponent(value);
    } catch {
      return false;
    }
    return readableCallback(value);
  });
  if (kept.length === parts.length) return request;
  const headers = new Headers(request.headers);
  headers.set("cookie", kept.join(";"));
  return new NextRequest(request, { headers });
}

// Auth.js's own error answers ("Bad request.", null) take the API's error shape.
export const GET = handle(async (request: NextRequest) => inErrorShape(await handlers.GET(checked(request))));

export const POST = handle(async (request: NextRequest) => {
  // Every Auth.js POST comes from this site's own forms: refuse other sites before spending anyone's sign-in limit.
  assertSameOrigin(request);
  const safe = checked(request);
  if (isEmailSignIn(safe.nextUrl)) {
    // Exactly the posts Auth.js will act on spend the limit: read as Auth.js reads them, with its CSRF check
    // (signed cookie, matching token: lib/auth/csrf.ts). A forged pair spends nobody's sign-ins; a verified
    // post whose address the app would not send to goes no further.
    const body = await readAuthBody(safe.clone());
    if (csrfVerified(safe, body)) {
      const email = signInEmailSchema.safeParse(body?.email);
      if (!email.success) throw badRequest(email.error, email.error.issues[0]?.message === DISPOSABLE_MESSAGE ? DISPOSABLE_MESSAGE : "Enter a valid email address, like you@example.com.");
      await limitSignInRequest(email.data, clientIp(safe.headers));
    }
  }
  return inErrorShape(await handlers.POST(safe));
});
