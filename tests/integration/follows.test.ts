import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { createSignedInUser } from "../helpers/auth";
import { createTool } from "../helpers/factories";

/**
 * Following a tool (docs/decisions/037): PUT / DELETE /api/tools/:slug/follow,
 * idempotent, the reader's own follows only, bounded per reader; the account's
 * deletion and export carry them.
 */

delete process.env.REDIS_URL;
const { DELETE, PUT } = await import("@/app/api/tools/[slug]/follow/route");
const { MAX_FOLLOWS_PER_USER } = await import("@/lib/follows/schema");
const { listFollows } = await import("@/lib/follows/queries");
const { deleteUser } = await import("@/lib/users/writes");
const { exportUserData } = await import("@/lib/users/queries");

let client: PrismaClient;
beforeAll(() => {
  client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 2 });
});
afterAll(() => client.$disconnect());

const ORIGIN = "http://localhost";

async function send(method: "PUT" | "DELETE", slug: string, options: { cookie?: string; origin?: string } = {}) {
  const headers: Record<string, string> = { origin: options.origin ?? ORIGIN };
  if (options.cookie) headers.cookie = options.cookie;
  const response = await (method === "PUT" ? PUT : DELETE)(new Request(`${ORIGIN}/api/tools/${slug}/follow`, { method, headers }), { params: Promise.resolve({ slug }) });
  return { status: response.status, body: (await response.json()) as { data?: { following: boolean }; error?: { code: string } } };
}

const followed = async (userId: string) => (await client.follow.findMany({ where: { userId }, select: { tool: { select: { slug: true } } } })).map((f) => f.tool.slug).sort();

describe("PUT/DELETE /api/tools/:slug/follow", () => {
  it("follows and unfollows, answering { data: { following } }, and repeating either changes nothing", async () => {
    const tool = await createTool(client);
    const reader = await createSignedInUser(client);
    expect(await send("PUT", tool.slug, { cookie: reader.cookie })).toEqual({ status: 200, body: { data: { following: true } } });
    expect(await send("PUT", tool.slug, { cookie: reader.cookie })).toEqual({ status: 200, body: { data: { following: true } } });
    expect(await client.follow.count({ where: { userId: reader.user.id } })).toBe(1);
    expect((await listFollows(reader.user.id)).map((f) => f.slug)).toEqual([tool.slug]);
    expect(await send("DELETE", tool.slug, { cookie: reader.cookie })).toEqual({ status: 200, body: { data: { following: false } } });
    expect(await send("DELETE", tool.slug, { cookie: reader.cookie })).toEqual({ status: 200, body: { data: { following: false } } });
    expect(await followed(reader.user.id)).toEqual([]);
  });

  it("changes only the caller's own follows", async () => {
    const tool = await createTool(client);
    const [alice, bob] = [await createSignedInUser(client), await createSignedInUser(client)];
    await send("PUT", tool.slug, { cookie: bob.cookie });
    await send("DELETE", tool.slug, { cookie: alice.cookie });
    expect(await followed(bob.user.id)).toEqual([tool.slug]);
    expect(await followed(alice.user.id)).toEqual([]);
  });

  it("refuses a signed-out (401), cross-site (403) or unknown-tool (404) request, and following an archived tool, writing nothing", async () => {
    const tool = await createTool(client);
    const archived = await createTool(client, { archived: true });
    const reader = await createSignedInUser(client);
    expect((await send("PUT", tool.slug)).status).toBe(401);
    expect((await send("PUT", tool.slug, { cookie: reader.cookie, origin: "https://evil.example" })).status).toBe(403);
    expect((await send("PUT", "no-such-tool", { cookie: reader.cookie })).status).toBe(404);
    expect((await send("PUT", "Not A Slug!", { cookie: reader.cookie })).status).toBe(404);
    expect((await send("PUT", archived.slug, { cookie: reader.cookie })).status).toBe(404);
    expect((await send("DELETE", "no-such-tool", { cookie: reader.cookie })).status).toBe(404);
    expect(await followed(reader.user.id)).toEqual([]);
  });

  it("an archived tool can still be unfollowed", async () => {
    const tool = await createTool(client);
    const reader = await createSignedInUser(client);
    await send("PUT", tool.slug, { cookie: reader.cookie });
    await client.tool.update({ where: { id: tool.id }, data: { archivedAt: new Date() } });
    expect(await send("DELETE", tool.slug, { cookie: reader.cookie })).toEqual({ status: 200, body: { data: { following: false } } });
  });

  it(`stops at ${MAX_FOLLOWS_PER_USER} follows per reader (409), and an existing follow still answers`, async () => {
    const reader = await createSignedInUser(client);
    const category = (await createTool(client)).categoryId;
    const many = await Promise.all(Array.from({ length: MAX_FOLLOWS_PER_USER }, () => createTool(client, { categoryId: category })));
    await client.follow.createMany({ data: many.map((tool) => ({ userId: reader.user.id, toolId: tool.id })) });
    const one = await createTool(client, { categoryId: category });
    const refused = await send("PUT", one.slug, { cookie: reader.cookie });
    expect(refused.status).toBe(409);
    expect(refused.body.error?.code).toBe("too_many_follows");
    expect((await send("PUT", many[0]!.slug, { cookie: reader.cookie })).status).toBe(200);
    expect(await client.follow.count({ where: { userId: reader.user.id } })).toBe(MAX_FOLLOWS_PER_USER);
  });
});

describe("the account and its follows", () => {
  it("the export lists them and deleting the account removes them", async () => {
    const tool = await createTool(client);
    const reader = await createSignedInUser(client);
    await send("PUT", tool.slug, { cookie: reader.cookie });
    const exported = await exportUserData(reader.user.id);
    expect(exported?.follows.map((f) => f.tool)).toEqual([{ slug: tool.slug, name: tool.name }]);
    await deleteUser(reader.user.id);
    expect(await client.follow.count({ where: { userId: reader.user.id } })).toBe(0);
  });
});
