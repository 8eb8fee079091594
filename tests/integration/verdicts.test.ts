import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getComparisonRoute } from "@/app/api/comparisons/[slug]/route";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { findCounterDrift } from "@/lib/stats/reconcile";
import { restoreVerdict, saveVerdict, VerdictConflictError } from "@/lib/verdicts/writes";
import { createSignedInUser } from "../helpers/auth";
import { createComparedPair, createReviewer, createReviewers, createTool, createVerdict as createVerdictRow } from "../helpers/factories";

let client: PrismaClient;
let staffId: string;
beforeAll(async () => {
  client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 2 });
  staffId = (await createSignedInUser(client, { role: "STAFF", email: "editor@example.test" })).user.id;
});
afterAll(() => client.$disconnect());

async function panelLabels(slug: string) {
  const response = await getComparisonRoute(new Request("http://localhost/x"), { params: Promise.resolve({ slug }) });
  const { data } = await response.json();
  return data.tools.map((t: { scores: { panel: { label: string } } }) => t.scores.panel.label);
}

/** A published verdict on a tool of its own. */
const someVerdict = async () => createVerdictRow(client, { tool: await createTool(client), reviewer: await createReviewer(client), decision: "SHIP" });

describe("editing verdicts", () => {
  it("ship → skip keeps the old version, moves the panel from 100 % to 75 %, and restore brings it back", async () => {
    // Like the seed page: the panel ships A 4 of 4 and B 3 of 4.
    const { verdictsA, comparison } = await createComparedPair(client);
    const verdict = verdictsA[3]!;
    expect(await panelLabels(comparison!.slug)).toEqual(["100%", "75%"]);

    const saved = await saveVerdict(
      { verdictId: verdict.id, expectedVersion: verdict.version, decision: "SKIP", body: verdict.body, published: true, reason: "Pricing changed" },
      staffId,
    );
    expect(saved).toEqual({ changed: true, version: verdict.version + 1 });
    expect(await panelLabels(comparison!.slug)).toEqual(["75%", "75%"]);
    const revisions = await client.verdictRevision.findMany({ where: { verdictId: verdict.id }, orderBy: { version: "asc" } });
    expect(revisions.map((r) => [r.version, r.decision, r.reason])).toEqual([
      [1, "SHIP", "First published"],
      [2, "SKIP", "Pricing changed"],
    ]);
    expect(revisions[1]!.editorId).toBe(staffId);
    const audit = await client.auditLog.findFirstOrThrow({ where: { entityId: verdict.id, action: "verdict.update" } });
    expect(audit.actorId).toBe(staffId);
    expect(audit.before).toMatchObject({ decision: "SHIP", version: 1 });
    expect(audit.after).toMatchObject({ decision: "SKIP", version: 2, reason: "Pricing changed" });

    const restored = await restoreVerdict({ verdictId: verdict.id, expectedVersion: 2, version: 1 }, staffId);
    expect(restored).toEqual({ changed: true, version: 3 });
    expect(await panelLabels(comparison!.slug)).toEqual(["100%", "75%"]);
    const current = await client.verdict.findUniqueOrThrow({ where: { id: verdict.id } });
    expect([current.decision, current.body, current.version]).toEqual(["SHIP", verdict.body, 3]);
    expect(await client.verdictRevision.count({ where: { verdictId: verdict.id } })).toBe(3);
    expect(await findCounterDrift(client)).toEqual([]);
  });

  it("unpublishing takes the verdict out of the panel figure", async () => {
    const { toolA: a, verdictsA } = await createComparedPair(client);
    const verdict = verdictsA[2]!;
    await saveVerdict({ verdictId: verdict.id, expectedVersion: verdict.version, decision: "SHIP", body: verdict.body, published: false, reason: "Under review" }, staffId);
    const stats = await client.toolStats.findUniqueOrThrow({ where: { toolId: a.id } });
    expect([stats.panelShip, stats.panelTotal]).toEqual([3, 3]);
    await saveVerdict({ verdictId: verdict.id, expectedVersion: verdict.version + 1, decision: "SHIP", body: verdict.body, published: true, reason: "Reviewed" }, staffId);
    expect(await findCounterDrift(client)).toEqual([]);
  });

  it("a save that changes nothing writes nothing", async () => {
    const verdict = await someVerdict();
    const before = [await client.verdictRevision.count(), await client.auditLog.count()];
    const result = await saveVerdict({ verdictId: verdict.id, expectedVersion: verdict.version, decision: verdict.decision, body: verdict.body, published: verdict.published, reason: "No change" }, staffId);
    expect(result).toEqual({ changed: false, version: verdict.version });
    expect([await client.verdictRevision.count(), await client.auditLog.count()]).toEqual(before);
  });

  it("two staff editing the same verdict: the second save is refused and the first is kept", async () => {
    const verdict = await someVerdict();
    const other = await createSignedInUser(client, { role: "STAFF", email: "second@example.test" });
    await client.user.update({ where: { id: staffId }, data: { name: "Ada Editor" } });
    // Both opened version N.
    await saveVerdict({ verdictId: verdict.id, expectedVersion: verdict.version, decision: "SHIP", body: `${verdict.body} First edit.`, published: true, reason: "First" }, staffId);
    const second = saveVerdict(
      { verdictId: verdict.id, expectedVersion: verdict.version, decision: "SKIP", body: `${verdict.body} Second edit.`, published: true, reason: "Second" },
      other.user.id,
    );
    await expect(second).rejects.toBeInstanceOf(VerdictConflictError);
    await expect(second).rejects.toThrow("Changed by Ada Editor since you opened it — review and save again.");
    const error = (await second.catch((e: unknown) => e)) as VerdictConflictError;
    expect(error.current).toMatchObject({ decision: "SHIP", version: verdict.version + 1 });
    const kept = await client.verdict.findUniqueOrThrow({ where: { id: verdict.id } });
    expect(kept.body).toBe(`${verdict.body} First edit.`);
  });

  it("concurrent saves from the same version: exactly one wins", async () => {
    const verdict = await someVerdict();
    const attempts = await Promise.allSettled(
      ["A", "B", "C", "D"].map((tag) =>
        saveVerdict({ verdictId: verdict.id, expectedVersion: verdict.version, decision: "SHIP", body: `${verdict.body} ${tag}`, published: true, reason: tag }, staffId),
      ),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    expect(attempts.filter((a) => a.status === "rejected" && a.reason instanceof VerdictConflictError)).toHaveLength(3);
    expect((await client.verdict.findUniqueOrThrow({ where: { id: verdict.id } })).version).toBe(verdict.version + 1);
  });
});

describe("writing a first verdict", () => {
  it("a new tool gets its first published verdict, counted at once; a second one for the same reviewer is refused; drafts do not count", async () => {
    const { createVerdict, VerdictExistsError } = await import("@/lib/verdicts/writes");
    const { verdictCreateSchema } = await import("@/lib/verdicts/schema");
    const tool = await createTool(client);
    const [first, second] = await createReviewers(client, 2);
    const body = "A first case that is comfortably longer than forty characters.";
    const input = verdictCreateSchema.parse({ toolId: tool.id, reviewerId: first!.id, decision: "SHIP", body, published: "on" });
    expect(input.reason).toBe("First written");
    const created = await createVerdict(input, staffId);
    expect(await client.toolStats.findUniqueOrThrow({ where: { toolId: tool.id } })).toMatchObject({ panelShip: 1, panelTotal: 1 });
    expect(await client.verdictRevision.findMany({ where: { verdictId: created.id }, select: { version: true } })).toEqual([{ version: 1 }]);
    await expect(createVerdict(input, staffId)).rejects.toBeInstanceOf(VerdictExistsError);
    await createVerdict(verdictCreateSchema.parse({ toolId: tool.id, reviewerId: second!.id, decision: "SKIP", body, published: undefined }), staffId);
    expect(await client.toolStats.findUniqueOrThrow({ where: { toolId: tool.id } })).toMatchObject({ panelShip: 1, panelTotal: 1 });
    expect(await findCounterDrift(client)).toEqual([]);
  });
});
