import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getComparisonRoute } from "@/app/api/comparisons/[slug]/route";
import { comparisonInputSchema } from "@/lib/comparisons/admin-schema";
import { ComparisonWriteError, createComparison, updateComparison } from "@/lib/comparisons/actions";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { createSignedInUser } from "../helpers/auth";

let client: PrismaClient;
let staffId: string;
const ids: Record<string, string> = {};
beforeAll(async () => {
  client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 2 });
  staffId = (await createSignedInUser(client, { role: "STAFF" })).user.id;
  for (const tool of await client.tool.findMany({ select: { id: true, slug: true } })) ids[tool.slug] = tool.id;
});
afterAll(() => client.$disconnect());

const status = async (slug: string) =>
  (await getComparisonRoute(new Request("http://localhost/x"), { params: Promise.resolve({ slug }) })).status;

describe("staff editing comparisons", () => {
  it("refuses a tool against itself with a message on tool B", () => {
    const result = comparisonInputSchema.safeParse({ toolAId: ids["gpt-4o"], toolBId: ids["gpt-4o"] });
    expect(result.error?.issues[0]).toMatchObject({ path: ["toolBId"], message: "Choose two different tools." });
  });

  it("creates a draft with the canonical slug; publishing makes it public, unpublishing hides it", async () => {
    const input = comparisonInputSchema.parse({ toolAId: ids["aider"], toolBId: ids["cursor"], headline: "Terminal or editor?" });
    const created = await createComparison(input, staffId);
    expect(created.slug).toBe("aider-vs-cursor");
    expect(await status("aider-vs-cursor")).toBe(404);
    const published = await updateComparison(created.id, 1, { headline: "Terminal or editor?", intro: null, status: "PUBLISHED" }, staffId);
    expect(published).toEqual({ changed: true, version: 2 });
    expect(await status("aider-vs-cursor")).toBe(200);
    expect(await status("cursor-vs-aider")).toBe(308);
    await updateComparison(created.id, 2, { headline: "Terminal or editor?", intro: null, status: "DRAFT" }, staffId);
    expect(await status("aider-vs-cursor")).toBe(404);
    await expect(updateComparison(created.id, 1, { headline: "Stale", intro: null, status: "PUBLISHED" }, staffId)).rejects.toThrow(/Changed by someone else/);
  });

  it("refuses the same pair in either order, and archived tools", async () => {
    const reversed = comparisonInputSchema.parse({ toolAId: ids["smolvlm2-2b"], toolBId: ids["claude-4-sonnet"] });
    await expect(createComparison(reversed, staffId)).rejects.toThrow("These two tools are already compared (in one order or the other).");
    await client.tool.update({ where: { slug: "midjourney" }, data: { archivedAt: new Date() } });
    try {
      const archived = comparisonInputSchema.parse({ toolAId: ids["whisper"], toolBId: ids["midjourney"] });
      await expect(createComparison(archived, staffId)).rejects.toMatchObject({ field: "toolBId" });
      await expect(createComparison(archived, staffId)).rejects.toBeInstanceOf(ComparisonWriteError);
    } finally {
      await client.tool.update({ where: { slug: "midjourney" }, data: { archivedAt: null } });
    }
  });
});
