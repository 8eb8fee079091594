import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getComparisonRoute } from "@/app/api/comparisons/[slug]/route";
import { comparisonInputSchema } from "@/lib/comparisons/admin-schema";
import { ComparisonWriteError, createComparison, updateComparison } from "@/lib/comparisons/writes";
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
/** The public view of a pair: curated (the editors' headline) or generated from the data. */
const publicView = async (slug: string) => {
  const response = await getComparisonRoute(new Request("http://localhost/x"), { params: Promise.resolve({ slug }) });
  const { data } = (await response.json()) as { data: { curated: boolean; headline: string | null } };
  return { status: response.status, curated: data.curated, headline: data.headline };
};

describe("staff editing comparisons", () => {
  it("refuses a tool against itself with a message on tool B", () => {
    const result = comparisonInputSchema.safeParse({ toolAId: ids["gpt-4o"], toolBId: ids["gpt-4o"] });
    expect(result.error?.issues[0]).toMatchObject({ path: ["toolBId"], message: "Choose two different tools." });
  });

  it("creates a draft with the canonical slug; publishing makes the editors' version public, unpublishing hides it", async () => {
    const input = comparisonInputSchema.parse({ toolAId: ids["cursor"], toolBId: ids["aider"], headline: "Editor or terminal?" });
    const created = await createComparison(input, staffId);
    expect(created.slug).toBe("cursor-vs-aider");
    // A draft is not public: the pair is served as a generated comparison at the alphabetical slug.
    expect(await status("cursor-vs-aider")).toBe(308);
    expect(await publicView("aider-vs-cursor")).toEqual({ status: 200, curated: false, headline: null });
    const published = await updateComparison(created.id, 1, { headline: "Editor or terminal?", intro: null, status: "PUBLISHED" }, staffId);
    expect(published).toEqual({ changed: true, version: 2 });
    expect(await publicView("cursor-vs-aider")).toEqual({ status: 200, curated: true, headline: "Editor or terminal?" });
    expect(await status("aider-vs-cursor")).toBe(308);
    await updateComparison(created.id, 2, { headline: "Editor or terminal?", intro: null, status: "DRAFT" }, staffId);
    expect(await publicView("aider-vs-cursor")).toEqual({ status: 200, curated: false, headline: null });
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
