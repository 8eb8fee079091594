"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { answer, anyone, argumentsAction, formAction, logActionError } from "@/lib/http/action";
import { consume, RateLimitedError } from "@/lib/rate-limit";
import { followArgumentsSchema, followFormSchema } from "./schema";
import { unfollowLinkSchema } from "./tokens";
import { FollowerGoneError, FollowToolNotFoundError, setFollow, TooManyFollowsError, unfollowByLink } from "./writes";

export type FollowActionResult = { ok: true; following: boolean } | { ok: false; error: string; signIn?: boolean };

/** The same `setFollow` as the API, for the signed-in user of this request only. */
async function changeFollow(user: CurrentUser, toolSlug: string, following: boolean): Promise<FollowActionResult> {
  try {
    await consume("follow", user.id);
    const result = await setFollow(user.id, toolSlug, following);
    refresh();
    return { ok: true, following: result.following };
  } catch (error) {
    if (error instanceof RateLimitedError || error instanceof TooManyFollowsError) return { ok: false, error: error.message };
    if (error instanceof FollowToolNotFoundError) return { ok: false, error: "This tool can no longer be followed." };
    if (error instanceof FollowerGoneError) return { ok: false, error: "Sign in to follow tools.", signIn: true };
    await logActionError(error, "follow failed");
    return { ok: false, error: "That did not work. Try again." };
  }
}

/** The Follow button's server action: `following` false unfollows. Next checks the Origin of every server action. */
export const followAction: (toolSlug: unknown, following: unknown) => Promise<FollowActionResult> = argumentsAction({
  schema: followArgumentsSchema,
  authorize: async () => (await getCurrentUser()) ?? answer<FollowActionResult>({ ok: false, error: "Sign in to follow tools.", signIn: true }),
  invalid: (): FollowActionResult => ({ ok: false, error: "That request is not valid." }),
  handle: ([toolSlug, following], { user }) => changeFollow(user, toolSlug, following),
});

/** Form version (works without JavaScript; /account's unfollow buttons): fields `tool` and `follow` ("follow" | "unfollow"). */
export const followFormAction: (formData: FormData) => Promise<void> = formAction({
  schema: followFormSchema,
  authorize: async () => (await getCurrentUser()) ?? redirect("/signin"),
  handle: async ({ tool, follow }, { user }) => {
    await changeFollow(user, tool, follow);
  },
});

/**
 * The button of an unfollow link from a follow digest (/follows/unfollow): no
 * session, the link's signature is the proof (docs/decisions/037). Fields `u`,
 * `tool` (absent: every follow), `sig`. Then to the page's "done" state.
 */
export const unfollowLinkFormAction: (formData: FormData) => Promise<void> = formAction({
  schema: unfollowLinkSchema,
  authorize: anyone,
  handle: async (link) => {
    const done = await unfollowByLink(link);
    redirect(done ? `/follows/unfollow?done=${link.tool ? "tool" : "all"}` : "/follows/unfollow?done=invalid");
  },
});
