import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { reviewerInputSchema } from "@/lib/reviewers/admin-schema";
import { createReviewer, moveReviewer, ReviewerWriteError, updateReviewer } from "@/lib/reviewers/writes";
import { findCounterDrift } from "@/lib/stats/reconcile";
import { createSignedInUser } from "../helpers/auth";

let client: PrismaClient;
let staffId: string;
beforeAll(async () => {
  client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 2 });
  staffId = (await createSignedInUser(client, { role: "STAFF" })).user.id;
});
afterAll(() => client.$disconnect());

const panel = async (slug: string) => {
  const stats = await client.toolStats.findFirstOrThrow({ where: { tool: { slug } } });
  return [stats.panelShip, stats.panelTotal];
};

describe("staff editing reviewers", () => {
  it("deactivating a persona takes their verdicts out of the panel figures; reactivating puts them back", async () => {
    const daniel = await client.reviewer.findUniqueOrThrow({ where: { slug: "daniel-okafor" } });
    const input = reviewerInputSchema.parse({ ...daniel, excitedBy: daniel.excitedBy.join("\n"), tiredOf: daniel.tiredOf.join("\n"), active: "false" });
    expect(await panel("smolvlm2-2b")).toEqual([3, 4]);
    expect(await updateReviewer(daniel.id, input, staffId)).toBe(true);
    expect(await panel("smolvlm2-2b")).toEqual([3, 3]);
    expect(await panel("claude-4-sonnet")).toEqual([3, 3]);
    expect(await findCounterDrift(client)).toEqual([]);
    expect(await updateReviewer(daniel.id, { ...input, active: true }, staffId)).toBe(true);
    expect(await panel("smolvlm2-2b")).toEqual([3, 4]);
    expect(await findCounterDrift(client)).toEqual([]);
    expect(await client.verdict.count({ where: { reviewerId: daniel.id } })).toBeGreaterThan(0);
  });

  it("adds a persona at the end of the panel, refuses a taken slug, and reorders", async () => {
    const input = reviewerInputSchema.parse({ slug: "new-persona", name: "New Persona", lens: "Security", bio: "Reviews every tool for its attack surface.", excitedBy: "Least privilege\n\nAudit logs", active: "on" });
    expect(input.excitedBy).toEqual(["Least privilege", "Audit logs"]);
    const created = await createReviewer(input, staffId);
    const order = async () => (await client.reviewer.findMany({ orderBy: { position: "asc" }, select: { id: true } })).map((r) => r.id);
    expect((await order()).at(-1)).toBe(created.id);
    await expect(createReviewer(input, staffId)).rejects.toBeInstanceOf(ReviewerWriteError);
    expect(await moveReviewer(created.id, "up", staffId)).toBe(true);
    expect((await order()).at(-2)).toBe(created.id);
    expect(await moveReviewer((await order())[0]!, "up", staffId)).toBe(false);
  });

  it("validates the form with clear messages", () => {
    const result = reviewerInputSchema.safeParse({ slug: "ok-slug", name: "A", lens: "x", bio: "short", excitedBy: Array.from({ length: 11 }, (_, i) => `item ${i}`).join("\n") });
    const fields = Object.fromEntries(result.error!.issues.map((i) => [i.path[0], i.message]));
    expect(fields).toMatchObject({ name: "Give the persona a name.", bio: "Write a short bio (20+ characters).", excitedBy: "At most 10 items." });
  });
});
