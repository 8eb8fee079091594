import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { reviewerInputSchema } from "@/lib/reviewers/admin-schema";
import { createReviewer, moveReviewer, ReviewerWriteError, updateReviewer } from "@/lib/reviewers/writes";
import { findCounterDrift } from "@/lib/stats/reconcile";
import { createSignedInUser } from "../helpers/auth";
import { createReviewer as createReviewerRow, createReviewers, createTool, createVerdicts, uniqueSlug } from "../helpers/factories";

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
    // The persona skips one tool and ships the other; the rest of the panel ships both.
    const persona = await createReviewerRow(client, { lens: "Business & buyer" });
    const others = await createReviewers(client, 3);
    const [skipped, shipped] = [await createTool(client), await createTool(client)];
    await createVerdicts(client, skipped, [...others, persona], ["SHIP", "SHIP", "SHIP", "SKIP"]);
    await createVerdicts(client, shipped, [...others, persona], ["SHIP", "SHIP", "SHIP", "SHIP"]);
    const input = reviewerInputSchema.parse({ ...persona, excitedBy: persona.excitedBy.join("\n"), tiredOf: persona.tiredOf.join("\n"), active: "false" });
    expect(await panel(skipped.slug)).toEqual([3, 4]);
    expect(await updateReviewer(persona.id, input, staffId)).toBe(true);
    expect(await panel(skipped.slug)).toEqual([3, 3]);
    expect(await panel(shipped.slug)).toEqual([3, 3]);
    expect(await findCounterDrift(client)).toEqual([]);
    expect(await updateReviewer(persona.id, { ...input, active: true }, staffId)).toBe(true);
    expect(await panel(skipped.slug)).toEqual([3, 4]);
    expect(await panel(shipped.slug)).toEqual([4, 4]);
    expect(await findCounterDrift(client)).toEqual([]);
    expect(await client.verdict.count({ where: { reviewerId: persona.id } })).toBeGreaterThan(0);
  });

  it("adds a persona at the end of the panel, refuses a taken slug, and reorders", async () => {
    const input = reviewerInputSchema.parse({ slug: uniqueSlug("new persona"), name: "New Persona", lens: "Security", bio: "Reviews every tool for its attack surface.", excitedBy: "Least privilege\n\nAudit logs", active: "on" });
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
