import { z } from "zod";
import { emailSchema } from "@/lib/auth/schema";

/** The address a newsletter subscription is for: trimmed, lower-cased, at most 254 characters. */
export const newsletterEmailSchema = emailSchema;

/**
 * Body of POST /api/newsletter. `website` is the honeypot: a field people
 * never see, so anything in it means a bot. Unknown fields are refused.
 */
export const subscribeBodySchema = z.strictObject({
  email: newsletterEmailSchema,
  website: z.string().max(500).optional(),
});
export type SubscribeBody = z.infer<typeof subscribeBodySchema>;

/** The subscribe form: the same fields (a form also carries the framework's own, so others are not refused here). */
export const subscribeFormSchema = z.object(subscribeBodySchema.shape);

/** The one answer to every accepted subscribe request, whatever the address's state. */
export const SUBSCRIBE_ACCEPTED = {
  status: "pending",
  message: "Check your inbox: we've sent you an email to confirm your subscription.",
} as const;

/** A link's token: 32 random bytes, base64url. Anything else is not a token. */
export const newsletterTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "Not a newsletter link token");

/** The confirm / unsubscribe page's button. */
export const tokenFormSchema = z.object({ token: newsletterTokenSchema });

export type TokenPurpose = "CONFIRM" | "UNSUBSCRIBE";

/** What the subscribe form shows after a submission. */
export type SubscribeFormState =
  | { status: "idle" }
  | { status: "accepted"; message: string }
  | { status: "invalid" | "error"; error: string; email: string };

/** What a confirm or unsubscribe page shows after its button. */
export type TokenFormState = { status: "idle" } | { status: "done" } | { status: "invalid" } | { status: "error"; error: string };

/**
 * A digest's snapshot: every tool's community counters when it was built,
 * the baseline the next digest measures its movers against.
 */
export const digestSnapshotSchema = z.object({
  tools: z.array(z.object({ id: z.string(), slug: z.string(), ship: z.number().int().min(0), total: z.number().int().min(0) })),
});
export type DigestSnapshot = z.infer<typeof digestSnapshotSchema>;

/** The first message of a zod error, for a form's inline error or a 400's message. */
export const firstIssueMessage = (error: z.ZodError, fallback = "The request is not valid") => error.issues[0]?.message ?? fallback;
