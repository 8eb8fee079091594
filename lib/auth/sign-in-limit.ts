import "server-only";
import { consume, hashKey } from "@/lib/rate-limit";

/**
 * Magic-link requests are limited per email and per IP. The limit is the same
 * whether or not the email has an account, so it reveals nothing.
 */
export async function limitSignInRequest(email: string, ip: string): Promise<void> {
  await consume("signinIp", ip);
  await consume("signinEmail", hashKey(email));
}
