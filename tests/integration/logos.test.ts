import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as logoRoute, HEAD as logoHeadRoute } from "@/app/logos/[file]/route";
import { GET as toolRoute } from "@/app/api/tools/[slug]/route";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { LogoWriteError, removeToolLogo, setToolLogo } from "@/lib/logos/writes";
import { createSignedInUser } from "../helpers/auth";
import { createComparedPair, createTool } from "../helpers/factories";
import { pngBytes, SIMPLE_SVG, webpBytes } from "../helpers/images";

let client: PrismaClient;
let staffId: string;
beforeAll(async () => {
  client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 2 });
  staffId = (await createSignedInUser(client, { role: "STAFF" })).user.id;
});
afterAll(() => client.$disconnect());

const fetchLogo = (url: string, init: RequestInit = {}, route = logoRoute) =>
  route(new Request(`http://localhost${url}`, init), { params: Promise.resolve({ file: url.split("/").pop()! }) });

const auditOf = (toolId: string) =>
  client.auditLog.findMany({ where: { entityType: "Tool", entityId: toolId, action: { startsWith: "tool.logo" } }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true, before: true, after: true } });

describe("tool logos", () => {
  it("upload, replace and remove: each audited, the address following the bytes", async () => {
    const tool = await createTool(client);
    const png = pngBytes(16, 16);
    const first = await setToolLogo(tool.id, png, staffId);
    expect(first.changed).toBe(true);
    const stored = await client.toolLogo.findUniqueOrThrow({ where: { toolId: tool.id } });
    expect(stored.contentType).toBe("image/png");
    expect(stored.hash).toBe(createHash("sha256").update(png).digest("hex"));
    expect(first.url).toBe(`/logos/${stored.hash.slice(0, 20)}.png`);

    // The same bytes again: nothing written, nothing audited.
    expect(await setToolLogo(tool.id, png, staffId)).toEqual({ changed: false, url: first.url });

    const second = await setToolLogo(tool.id, pngBytes(16, 16, { rgb: [200, 0, 0] }), staffId);
    expect(second.changed).toBe(true);
    expect(second.url).not.toBe(first.url);
    expect((await fetchLogo(first.url)).status).toBe(404);
    expect((await fetchLogo(second.url)).status).toBe(200);

    expect(await removeToolLogo(tool.id, staffId)).toBe(true);
    expect(await removeToolLogo(tool.id, staffId)).toBe(false);
    expect(await client.toolLogo.count({ where: { toolId: tool.id } })).toBe(0);
    expect((await fetchLogo(second.url)).status).toBe(404);

    const audit = await auditOf(tool.id);
    expect(audit.map((row) => row.action)).toEqual(["tool.logo.set", "tool.logo.replace", "tool.logo.remove"]);
    expect(audit.every((row) => row.actorId === staffId)).toBe(true);
    expect(audit[1]!.before).toMatchObject({ url: first.url, contentType: "image/png" });
    expect(audit[1]!.after).toMatchObject({ url: second.url, size: expect.any(Number) });
    expect(audit[2]!.after).toBeNull();
  });

  it("a refused file writes nothing and says why", async () => {
    const tool = await createTool(client);
    await expect(setToolLogo(tool.id, new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), staffId)).rejects.toMatchObject({ code: "unsafe_svg" });
    await expect(setToolLogo(tool.id, pngBytes(8, 8, { padding: 210_000 }), staffId)).rejects.toBeInstanceOf(LogoWriteError);
    await expect(setToolLogo("no-such-tool", pngBytes(8, 8), staffId)).rejects.toMatchObject({ code: "no_tool" });
    expect(await client.toolLogo.count({ where: { toolId: tool.id } })).toBe(0);
    expect(await auditOf(tool.id)).toEqual([]);
  });

  it("serves the bytes with their exact type, a year's immutable cache, nosniff, an ETag; SVG sandboxed", async () => {
    const tool = await createTool(client);
    const { url } = await setToolLogo(tool.id, new TextEncoder().encode(SIMPLE_SVG), staffId);
    const response = await fetchLogo(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/svg+xml");
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toContain("sandbox");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    const body = await response.text();
    expect(body).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    const etag = response.headers.get("etag")!;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);

    const again = await fetchLogo(url, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");

    const head = await fetchLogo(url, { method: "HEAD" }, logoHeadRoute);
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(Buffer.byteLength(body)));
    expect(await head.text()).toBe("");

    // The same prefix under another type, a malformed name, an unknown hash: 404 without the bytes.
    for (const bad of [url.replace(".svg", ".png"), "/logos/..%2Fetc.png", "/logos/0000000000000000000a.png", "/logos/ABC.svg"]) {
      const missing = await fetchLogo(bad);
      expect(missing.status, bad).toBe(404);
      expect(missing.headers.get("cache-control")).toBe("no-store");
    }
  });

  it("the tools API names the logo's address (null for a monogram), never its bytes", async () => {
    const tool = await createTool(client);
    const read = async () => ((await (await toolRoute(new Request(`http://localhost/api/tools/${tool.slug}`), { params: Promise.resolve({ slug: tool.slug }) })).json()) as { data: Record<string, unknown> }).data;
    expect((await read()).logoUrl).toBeNull();
    const { url } = await setToolLogo(tool.id, pngBytes(4, 4), staffId);
    const data = await read();
    expect(data.logoUrl).toBe(url);
    expect(data).not.toHaveProperty("logo");
  });

  it("the share images draw a PNG or SVG logo, and the monogram for a WebP one (satori draws no WebP) or none", async () => {
    const { default: toolImage } = await import("@/app/(site)/tools/[slug]/opengraph-image");
    const { default: comparisonImage } = await import("@/app/(site)/compare/[slug]/opengraph-image");
    const { toolA, toolB, comparison } = await createComparedPair(client);
    /** A share image's bytes, once it answered 200 as a PNG. */
    const pngOf = async (response: Response) => {
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/png");
      return Buffer.from(await response.arrayBuffer());
    };
    const drawTool = async () => pngOf(await toolImage({ params: Promise.resolve({ slug: toolA.slug }) }));
    const monogram = await drawTool();
    await setToolLogo(toolA.id, webpBytes(32, 32), staffId);
    expect(Buffer.compare(await drawTool(), monogram)).toBe(0);
    await setToolLogo(toolA.id, pngBytes(32, 32, { rgb: [225, 29, 72] }), staffId);
    const withPng = await drawTool();
    expect(Buffer.compare(withPng, monogram)).not.toBe(0);
    await setToolLogo(toolA.id, new TextEncoder().encode(SIMPLE_SVG), staffId);
    const withSvg = await drawTool();
    expect(Buffer.compare(withSvg, monogram)).not.toBe(0);
    expect(Buffer.compare(withSvg, withPng)).not.toBe(0);

    // The comparison's image: tool B's logo, once uploaded, is drawn in place of its monogram (a WebP one is not).
    const drawPair = async () => pngOf(await comparisonImage({ params: Promise.resolve({ slug: comparison!.slug }) }));
    const pairMonogram = await drawPair();
    await setToolLogo(toolB.id, webpBytes(32, 32), staffId);
    expect(Buffer.compare(await drawPair(), pairMonogram)).toBe(0);
    await setToolLogo(toolB.id, pngBytes(32, 32, { rgb: [37, 99, 235] }), staffId);
    expect(Buffer.compare(await drawPair(), pairMonogram)).not.toBe(0);
    await removeToolLogo(toolB.id, staffId);
    expect(Buffer.compare(await drawPair(), pairMonogram)).toBe(0);
  });
});
