import { logRefusal } from "@/lib/http/log";
import { log } from "@/lib/observability/log";

/**
 * Auth.js's errors in our log: a client's mistake (an unknown action, an
 * unreadable callback URL, a missing or forged CSRF token, a used or expired
 * link) is one line, never a stack trace; anything else — the adapter failing,
 * a provider misconfigured — is logged whole, once.
 */
const CLIENT_MISTAKES = new Set([
  "CredentialsSignin",
  "OAuthAccountNotLinked",
  "OAuthCallbackError",
  "AccessDenied",
  "Verification",
  "MissingCSRF",
  "AccountNotLinked",
  "InvalidCallbackUrl",
  "UnknownAction",
  "InvalidCheck",
  "InvalidProvider",
  "UnsupportedStrategy",
]);

type AuthError = Error & { type?: string; cause?: { err?: { type?: string } } | unknown };

export function isClientMistake(error: AuthError): boolean {
  if (error.type && CLIENT_MISTAKES.has(error.type)) return true;
  // A provider the client named that this site does not offer: Auth.js throws a plain Error for it.
  if (/^Provider with id ".{0,200}" not found\./.test(error.message)) return true;
  // A callback that failed because of what the client sent (a used or expired link) wraps that error.
  const inner = (error.cause as { err?: { type?: string } } | undefined)?.err?.type;
  return error.type === "CallbackRouteError" && inner !== undefined && CLIENT_MISTAKES.has(inner);
}

export function logAuthError(error: Error): void {
  const authError = error as AuthError;
  if (isClientMistake(authError)) {
    logRefusal({ method: "-", path: "/api/auth", status: 400, reason: `auth: ${authError.type}: ${authError.message.split("Read more")[0]!.trim().slice(0, 160)}` });
    return;
  }
  log().error({ err: error }, "auth error");
}
