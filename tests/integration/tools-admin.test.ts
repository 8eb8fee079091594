import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listToolsRoute } from "@/app/api/tools/route";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { toolInputSchema } from "@/lib/tools/admin-schema";
import { createTool, setToolArchived, ToolConflictError, ToolWriteError, updateTool } from "@/lib/tools/writes";
import { setVote, ToolNotFoundError } from "@/lib/votes/writes";
import { createSignedInUser } from "../helpers/auth";
import { createCategory, createReviewers, createTool as createToolRow, createVerdicts, uniqueSlug } from "../helpers/factories";

let client: PrismaClient;
let staffId: string;
let categoryId: string;
let categorySlug: string;
beforeAll(async () => {
  client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 2 });
  staffId = (await createSignedInUser(client, { role: "STAFF" })).user.id;
  ({ id: categoryId, slug: categorySlug } = await createCategory(client));
});
afterAll(() => client.$disconnect());

const newSlug = uniqueSlug("new tool");
const input = (overrides: Record<string, string> = {}) =>
  toolInputSchema.parse({
    slug: newSlug,
    name: "New Tool",
    vendor: "Acme AI",
    categoryId,
    tagline: "A tagline long enough",
    description: "A description that is comfortably longer than forty characters.",
    pricingModel: "FREEMIUM",
    entryPrice: "Free",
    website: "",
    pricingVerifiedAt: "2025-06-01",
    ...overrides,
  });

/** The listed tools of a category, through the public API. */
const listedSlugs = async (category = categorySlug) => {
  const response = await listToolsRoute(new Request(`http://localhost/api/tools?category=${category}&pageSize=100`));
  return ((await response.json()).data as { slug: string }[]).map((t) => t.slug);
};

describe("staff editing tools", () => {
  it("validates every field with a clear message", () => {
    const result = toolInputSchema.safeParse({ slug: "Bad Slug", name: "", categoryId, tagline: "short", description: "short", pricingModel: "GRATIS", website: "javascript:alert(1)", pricingVerifiedAt: "June" });
    expect(result.success).toBe(false);
    const fields = Object.fromEntries(result.error!.issues.map((i) => [i.path[0], i.message]));
    expect(Object.keys(fields).sort()).toEqual(["description", "name", "pricingModel", "pricingVerifiedAt", "slug", "tagline", "vendor", "website"].sort());
    expect(fields.website).toBe("Use a full https:// address.");
  });

  it("adds a tool that is listed with empty counters, and refuses a taken slug", async () => {
    const created = await createTool(input(), staffId);
    expect(await listedSlugs()).toContain(newSlug);
    expect(await client.toolStats.findUnique({ where: { toolId: created.id } })).toMatchObject({ panelTotal: 0, communityTotal: 0 });
    await expect(createTool(input({ name: "Other" }), staffId)).rejects.toMatchObject({ field: "slug" });
    await expect(createTool(input({ name: "Other" }), staffId)).rejects.toBeInstanceOf(ToolWriteError);
    expect(await client.auditLog.count({ where: { entityId: created.id, action: "tool.create" } })).toBe(1);
  });

  it("edits with a version check: a stale save is refused, a no-op writes nothing", async () => {
    // Listed in another category than the form's, so the first save changes something.
    const tool = await createToolRow(client, { pricingModel: "PAID" });
    const fields = input({ slug: tool.slug, name: tool.name, vendor: tool.vendor, tagline: tool.tagline, description: tool.description });
    const first = await updateTool(tool.id, tool.version, fields, staffId);
    expect(first).toEqual({ changed: true, version: tool.version + 1 });
    await expect(updateTool(tool.id, tool.version, { ...fields, name: `${tool.name} (stale)` }, staffId)).rejects.toBeInstanceOf(ToolConflictError);
    expect((await client.tool.findUniqueOrThrow({ where: { id: tool.id } })).name).toBe(tool.name);
    const audits = await client.auditLog.count({ where: { entityId: tool.id } });
    expect(await updateTool(tool.id, tool.version + 1, fields, staffId)).toEqual({ changed: false, version: tool.version + 1 });
    expect(await client.auditLog.count({ where: { entityId: tool.id } })).toBe(audits);
  });

  it("archiving hides a tool from listings and votes but keeps its verdicts and votes; restoring brings it back", async () => {
    const tool = await createToolRow(client, { categoryId });
    await createVerdicts(client, tool, await createReviewers(client, 2), ["SHIP", "SKIP"]);
    const { user } = await createSignedInUser(client);
    await setVote(user.id, tool.slug, "ship");
    expect(await listedSlugs()).toContain(tool.slug);

    expect(await setToolArchived(tool.id, true, staffId)).toBe(true);
    expect(await listedSlugs()).not.toContain(tool.slug);
    await expect(setVote(user.id, tool.slug, "skip")).rejects.toBeInstanceOf(ToolNotFoundError);
    expect(await client.verdict.count({ where: { toolId: tool.id } })).toBe(2);
    expect(await client.vote.count({ where: { toolId: tool.id } })).toBe(1);

    expect(await setToolArchived(tool.id, false, staffId)).toBe(true);
    expect(await listedSlugs()).toContain(tool.slug);
    expect(await setToolArchived(tool.id, false, staffId)).toBe(false);
    const actions = await client.auditLog.findMany({ where: { entityId: tool.id }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["tool.archive", "tool.restore"]);
  });
});
