import "server-only";
import { consume, emailKey, TOTAL_KEY } from "@/lib/rate-limit";

/**
 * Magic-link requests are limited per client IP, per mailbox (`+tags` and
 * Gmail dots folded: lib/rate-limit/keys.ts) and in total over everyone. The
 * limit is the same whether or not the email has an account, so it reveals
 * nothing. The total comes last, so one noisy IP or address cannot spend it.
 */
export async function limitSignInRequest(email: string, ip: string): Promise<void> {
  await consume("signinIp", ip);
  await consume("signinEmail", emailKey(email));
  await consume("signinTotal", TOTAL_KEY);
}
