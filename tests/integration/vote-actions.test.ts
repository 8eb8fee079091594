import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { createSignedInUser } from "../helpers/auth";
import { createTool } from "../helpers/factories";

/**
 * The vote widget's server actions spend the same per-user vote budget as
 * PUT/DELETE /api/tools/:slug/vote (tests/integration/votes.test.ts covers the
 * route's 429): a refused vote changes nothing.
 */

vi.mock("next/navigation", async () => (await import("../helpers/next-mocks")).navigation);
vi.mock("next/cache", async () => (await import("../helpers/next-mocks")).cache);
vi.mock("@/lib/auth/session", async (original) => ({
  ...(await original<typeof import("@/lib/auth/session")>()),
  getCurrentUser: async () => (await import("../helpers/next-mocks")).session.user,
}));

const SITE = "http://localhost:3000";
process.env.SITE_URL = SITE;
process.env.RATE_LIMIT_VOTES = "3/60";
delete process.env.REDIS_URL;

const { session } = await import("../helpers/next-mocks");
const { voteAction, voteFormAction } = await import("@/lib/votes/actions");
const { PUT: voteRoute } = await import("@/app/api/tools/[slug]/vote/route");

let client: PrismaClient;
beforeAll(() => {
  client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 2 });
});
afterAll(() => client.$disconnect());

async function signIn() {
  const signedIn = await createSignedInUser(client);
  session.user = { id: signedIn.user.id, email: signedIn.user.email ?? "", name: signedIn.user.name, role: "USER" };
  return signedIn;
}
const storedVote = async (userId: string, toolId: string) =>
  (await client.vote.findUnique({ where: { userId_toolId: { userId, toolId } }, select: { decision: true } }))?.decision ?? null;
const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.set(name, value);
  return data;
};

describe("the vote server actions are rate-limited per user", () => {
  it("voteAction: once the budget is spent the vote is refused with the limit's message, and not stored", async () => {
    const tool = await createTool(client);
    const { user } = await signIn();
    const answers = [];
    for (const decision of ["ship", "skip", "ship", "skip"] as const) answers.push(await voteAction(tool.slug, decision));
    expect(answers.map((answer) => answer.ok)).toEqual([true, true, true, false]);
    expect(answers[3]).toEqual({ ok: false, error: expect.stringMatching(/^Too many requests\. Try again in \d+ seconds\.$/) });
    expect(await storedVote(user.id, tool.id)).toBe("SHIP");
    // Withdrawing is a vote too.
    expect((await voteAction(tool.slug, null)).ok).toBe(false);
    expect(await storedVote(user.id, tool.id)).toBe("SHIP");
  });

  it("voteFormAction: the same budget; a refused submission changes nothing", async () => {
    const tool = await createTool(client);
    const { user } = await signIn();
    for (const decision of ["ship", "skip", "ship"]) await voteFormAction(form({ tool: tool.slug, decision }));
    expect(await storedVote(user.id, tool.id)).toBe("SHIP");
    await voteFormAction(form({ tool: tool.slug, decision: "skip" }));
    await voteFormAction(form({ tool: tool.slug, decision: "withdraw" }));
    expect(await storedVote(user.id, tool.id)).toBe("SHIP");
  });

  it("answers each refusal in its own words: signed out, an invalid vote, an unknown tool", async () => {
    const tool = await createTool(client);
    session.user = null;
    expect(await voteAction(tool.slug, "ship")).toEqual({ ok: false, error: "Sign in to vote.", signIn: true });
    await expect(voteFormAction(form({ tool: tool.slug, decision: "ship" }))).rejects.toThrow("/signin");
    await signIn();
    expect(await voteAction(tool.slug, "maybe")).toEqual({ ok: false, error: "That vote is not valid." });
    expect(await voteAction("no-such-tool", "ship")).toEqual({ ok: false, error: "This tool is no longer open for votes." });
  });

  it("one budget per user across the API and both actions; another user has their own", async () => {
    const tool = await createTool(client);
    const { user, cookie } = await signIn();
    const put = await voteRoute(
      new Request(`${SITE}/api/tools/${tool.slug}/vote`, { method: "PUT", headers: { origin: SITE, cookie, "content-type": "application/json" }, body: JSON.stringify({ decision: "skip" }) }),
      { params: Promise.resolve({ slug: tool.slug }) } as never,
    );
    expect(put.status).toBe(200);
    expect((await voteAction(tool.slug, "ship")).ok).toBe(true);
    await voteFormAction(form({ tool: tool.slug, decision: "skip" }));
    expect(await storedVote(user.id, tool.id)).toBe("SKIP");
    expect((await voteAction(tool.slug, "ship")).ok).toBe(false);
    expect(await storedVote(user.id, tool.id)).toBe("SKIP");

    const other = await signIn();
    expect((await voteAction(tool.slug, "ship")).ok).toBe(true);
    expect(await storedVote(other.user.id, tool.id)).toBe("SHIP");
  });
});
