import { z } from "zod";
import { toolSlugSchema } from "@/lib/tools/schema";

/** How many tools one reader may follow: bounds /api/me's list, /account and a digest's size (docs/decisions/037). */
export const MAX_FOLLOWS_PER_USER = 200;

export const TOO_MANY_FOLLOWS_MESSAGE = `You follow ${MAX_FOLLOWS_PER_USER} tools, the most one reader can: unfollow one first.`;

/** The Follow button's server action: `followAction(toolSlug, following)`. */
export const followArgumentsSchema = z.tuple([toolSlugSchema, z.boolean()]);

/** The Follow button without JavaScript, and /account's unfollow buttons: fields `tool`, `follow` ("follow" | "unfollow"), optional `back`. */
export const followFormSchema = z.object({
  tool: toolSlugSchema,
  follow: z.enum(["follow", "unfollow"]).transform((value) => value === "follow"),
});

/** The answer of PUT and DELETE /api/tools/:slug/follow. */
export const followResponse = z.object({ data: z.object({ following: z.boolean() }) });
