import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getComparisonRoute } from "@/app/api/comparisons/[slug]/route";
import { comparisonInputSchema } from "@/lib/comparisons/admin-schema";
import { ComparisonWriteError, createComparison, updateComparison } from "@/lib/comparisons/writes";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { createSignedInUser } from "../helpers/auth";
import { createComparison as createComparisonRow, createTool } from "../helpers/factories";

let client: PrismaClient;
let staffId: string;
beforeAll(async () => {
  client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 2 });
  staffId = (await createSignedInUser(client, { role: "STAFF" })).user.id;
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
  it("refuses a tool against itself with a message on tool B", async () => {
    const { id } = await createTool(client);
    const result = comparisonInputSchema.safeParse({ toolAId: id, toolBId: id });
    expect(result.error?.issues[0]).toMatchObject({ path: ["toolBId"], message: "Choose two different tools." });
  });

  it("creates a draft with the canonical slug; publishing makes the editors' version public, unpublishing hides it", async () => {
    // Tool A's slug sorts after tool B's, so the editors' slug is not the alphabetical one.
    const editor = await createTool(client, { name: "Zinnia Editor" });
    const terminal = await createTool(client, { name: "Aster Terminal" });
    const curated = `${editor.slug}-vs-${terminal.slug}`;
    const generated = `${terminal.slug}-vs-${editor.slug}`;
    const input = comparisonInputSchema.parse({ toolAId: editor.id, toolBId: terminal.id, headline: "Editor or terminal?" });
    const created = await createComparison(input, staffId);
    expect(created.slug).toBe(curated);
    // A draft is not public: the pair is served as a generated comparison at the alphabetical slug.
    expect(await status(curated)).toBe(308);
    expect(await publicView(generated)).toEqual({ status: 200, curated: false, headline: null });
    const published = await updateComparison(created.id, 1, { headline: "Editor or terminal?", intro: null, status: "PUBLISHED" }, staffId);
    expect(published).toEqual({ changed: true, version: 2 });
    expect(await publicView(curated)).toEqual({ status: 200, curated: true, headline: "Editor or terminal?" });
    expect(await status(generated)).toBe(308);
    await updateComparison(created.id, 2, { headline: "Editor or terminal?", intro: null, status: "DRAFT" }, staffId);
    expect(await publicView(generated)).toEqual({ status: 200, curated: false, headline: null });
    await expect(updateComparison(created.id, 1, { headline: "Stale", intro: null, status: "PUBLISHED" }, staffId)).rejects.toThrow(/Changed by someone else/);
  });

  it("refuses the same pair in either order, and archived tools", async () => {
    const [a, b] = [await createTool(client), await createTool(client)];
    await createComparisonRow(client, { toolA: a, toolB: b });
    const reversed = comparisonInputSchema.parse({ toolAId: b.id, toolBId: a.id });
    await expect(createComparison(reversed, staffId)).rejects.toThrow("These two tools are already compared (in one order or the other).");
    const archived = comparisonInputSchema.parse({ toolAId: (await createTool(client)).id, toolBId: (await createTool(client, { archived: true })).id });
    await expect(createComparison(archived, staffId)).rejects.toMatchObject({ field: "toolBId" });
    await expect(createComparison(archived, staffId)).rejects.toBeInstanceOf(ComparisonWriteError);
  });
});
