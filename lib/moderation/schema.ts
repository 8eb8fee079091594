import { z } from "zod";
import { hasControlCharacters, reasonIdSchema } from "@/lib/reasons/schema";

/** A moderator's note (why a reason is hidden, why a reader is muted): shown to the author for a hide. */
const note = z
  .string({ error: "Say why." })
  .trim()
  .min(3, "Say why, in a few words: the author sees it.")
  .max(500, "At most 500 characters.")
  .refine((text) => !hasControlCharacters(text), "No control characters.");

export const hideFormSchema = z.object({ reason: reasonIdSchema, note });
export const reasonFormSchema = z.object({ reason: reasonIdSchema });

/** How long a mute lasts, in days; "0" lifts it. */
export const MUTE_DAYS = ["0", "1", "7", "30", "365"] as const;
export const muteFormSchema = z.object({
  user: z.string().min(1).max(40),
  days: z.enum(MUTE_DAYS, { error: "Choose how long." }),
  note: note.optional().or(z.literal("").transform(() => undefined)),
});

export type ModerationFormState = { ok?: string; error?: string };

/** Which part of the queue: reasons with open reports (or hidden automatically, awaiting review), or everything hidden. */
export const QUEUE_VIEWS = ["open", "hidden"] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];
