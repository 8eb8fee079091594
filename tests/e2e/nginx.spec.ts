import { spawn, type ChildProcess } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { nginxBinary, startNginx, type Nginx } from "../../scripts/lib/nginx";
import { freePort } from "../../scripts/lib/next";
import { createSignedInSession } from "../helpers/auth";
import { newTool } from "../helpers/e2e";

/**
 * Past one machine (ADR 024): Debian's nginx, with the shipped
 * deploy/nginx.conf, in front of two app nodes (the Playwright server and a
 * node B this spec starts). Signed-out pages come from nginx's one-second
 * microcache; a vote shows on them within about two seconds; nothing of a
 * signed-in reader's (their page copy, /api/me, /account) is ever stored there.
 */

let nodeB: ChildProcess | undefined;
let nginx: Nginx | undefined;
let front = "";
let cacheDir = "";

test.beforeAll(async ({ baseURL }) => {
  test.skip(!process.env.DATABASE_URL, "needs `npm test` (the database)");
  // CI installs Debian's nginx (.ci/run); a machine without it skips this spec, and says so.
  if (!nginxBinary() && process.env.CI) throw new Error("nginx is not installed (apt-get install nginx)");
  test.skip(!nginxBinary(), "nginx is not installed here (apt-get install nginx); CI runs this spec");

  const portB = await freePort();
  const originB = `http://127.0.0.1:${portB}`;
  nodeB = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: { ...process.env, PORT: String(portB), HOSTNAME: "127.0.0.1", NODE_ID: `nginx-b-${process.pid}` },
    stdio: "ignore",
  });
  for (let i = 0; !(await fetch(`${originB}/api/health/live`).then((r) => r.ok, () => false)); i++) {
    if (i > 150) throw new Error("node B did not start");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  nginx = await startNginx([baseURL!, originB]);
  front = nginx.origin;
  cacheDir = nginx.cacheDir;
});

test.afterAll(async () => {
  await nginx?.stop();
  nodeB?.kill("SIGTERM");
});

/** Every file nginx's cache holds, as text. */
async function cachedFiles(): Promise<string[]> {
  const files: string[] = [];
  const visit = async (folder: string) => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const target = path.join(folder, entry.name);
      if (entry.isDirectory()) await visit(target);
      else files.push(await readFile(target, "latin1"));
    }
  };
  await visit(cacheDir);
  return files;
}

/** The text of a tool's community block on a comparison page. */
function communityText(html: string, slug: string): string {
  const start = html.indexOf(`data-testid="vote-${slug}"`);
  expect(start).toBeGreaterThan(-1);
  const next = html.indexOf('data-testid="vote-', start + 20);
  return html.slice(start, next === -1 ? start + 3_000 : next).replace(/<[^>]*>/g, " ").replace(/\s+/g, " ");
}

test("signed-out readers get public pages from nginx's microcache, with the policy that names the page's scripts", async () => {
  const [toolA, toolB] = [await newTool(), await newTool()];
  const page = new URL((await fetch(`${front}/compare/${toolA.slug}-vs-${toolB.slug}`)).url).pathname;
  // Until the app's page cache holds it and nginx has it: MISS, then HIT within the second.
  let hit: Response | undefined;
  for (let attempt = 0; attempt < 40 && !hit; attempt++) {
    const response = await fetch(`${front}${page}`);
    if (response.headers.get("x-cache-status") === "HIT") hit = response;
    else await response.arrayBuffer();
  }
  expect(hit, "nginx never answered from its cache").toBeDefined();
  const html = await hit!.text();
  expect(html).toContain(toolA.name);
  expect(hit!.headers.get("cache-control")).toBe("public, max-age=0, s-maxage=1, stale-while-revalidate=1");
  expect(hit!.headers.get("content-security-policy")).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
  // A client navigation's RSC request to the same address never reads or fills it.
  const rsc = await fetch(`${front}${page}`, { headers: { rsc: "1" } });
  expect(rsc.headers.get("x-cache-status")).toBe("BYPASS");
  expect(rsc.headers.get("content-type")).toContain("text/x-component");
  await rsc.arrayBuffer();
});

test("a vote shows on the page nginx serves within about two seconds (the app's page cache, then nginx's second)", async () => {
  const [toolA, toolB] = [await newTool(), await newTool()];
  const { cookie } = await createSignedInSession();
  const page = new URL((await fetch(`${front}/compare/${toolA.slug}-vs-${toolB.slug}`)).url).pathname;
  await expect.poll(async () => (await fetch(`${front}${page}`)).headers.get("x-cache-status"), { timeout: 10_000, intervals: [100] }).toBe("HIT");
  const before = communityText(await (await fetch(`${front}${page}`)).text(), toolA.slug);

  const sent = Date.now();
  const vote = await fetch(`${front}/api/tools/${toolA.slug}/vote`, {
    method: "PUT",
    headers: { cookie, origin: front, "content-type": "application/json" },
    body: JSON.stringify({ decision: "ship" }),
  });
  expect(vote.status).toBe(200);
  let after = before;
  let tookMs = 0;
  while (after === before) {
    tookMs = Date.now() - sent;
    expect(tookMs, "nginx still served the page from before the vote").toBeLessThan(3_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    after = communityText(await (await fetch(`${front}${page}`)).text(), toolA.slug);
  }
  expect(after).toContain("1 vote");
  test.info().annotations.push({ type: "vote → page through nginx", description: `${tookMs} ms` });
  console.log(`nginx: a vote showed on the page nginx serves after ${tookMs} ms`);
});

test("nothing of a signed-in reader's is ever stored in nginx's cache: their page copy, /api/me, /account", async () => {
  // Uncompressed throughout, so whatever nginx stores can be read back below.
  const plain = { "accept-encoding": "identity" };
  const reader = await createSignedInSession();
  const tool = await newTool();
  const vote = await fetch(`${front}/api/tools/${tool.slug}/vote`, {
    method: "PUT",
    headers: { cookie: reader.cookie, origin: front, "content-type": "application/json" },
    body: JSON.stringify({ decision: "skip" }),
  });
  expect(vote.status).toBe(200);
  for (let round = 0; round < 3; round++) {
    for (const address of [`/tools/${tool.slug}`, "/", "/api/me", "/account"]) {
      const response = await fetch(`${front}${address}`, { headers: { ...plain, cookie: reader.cookie }, redirect: "manual" });
      expect(response.headers.get("x-cache-status"), address).toBe("BYPASS");
      const body = await response.text();
      if (address === "/api/me") expect(JSON.parse(body).data.votes[tool.slug]).toBe("skip");
      if (address === `/tools/${tool.slug}`) expect(body).toContain('data-viewer="member"');
    }
    // Signed out, the personal answers are private: nginx passes them on and keeps nothing.
    const anonymousMe = await fetch(`${front}/api/me`, { headers: plain });
    expect(anonymousMe.headers.get("x-cache-status")).not.toBe("HIT");
    expect(await anonymousMe.json()).toEqual({ data: { user: null, votes: {}, follows: [] } });
  }
  // The signed-out copy of the same page is stored, as a guest's.
  await expect.poll(async () => (await fetch(`${front}/tools/${tool.slug}`, { headers: plain })).headers.get("x-cache-status"), { timeout: 10_000, intervals: [100] }).toBe("HIT");
  const stored = await cachedFiles();
  // The scan reads what is stored: the guest copy is there, as text.
  expect(stored.some((file) => file.includes('data-viewer="guest"') && file.includes(tool.name))).toBe(true);
  for (const file of stored) {
    expect(file).not.toContain(reader.sessionToken);
    expect(file).not.toContain(reader.user.email!);
    expect(file).not.toContain(reader.user.id);
    expect(file).not.toContain('data-viewer="member"');
    expect(file).not.toContain('"votes":{"');
  }
  await fetch(`${front}/api/tools/${tool.slug}/vote`, { method: "DELETE", headers: { cookie: reader.cookie, origin: front } });
});
