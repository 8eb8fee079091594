import { createHash, randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Redirected } from "../helpers/next-mocks";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { createSignedInUser } from "../helpers/auth";
import { createTool } from "../helpers/factories";

/**
 * Abuse resistance:
 *   4. rate limits hold across two app nodes sharing the store (PostgreSQL; Redis too);
 *   5. magic-link tokens are stored hashed, work once and expire;
 *   6. sign-in and newsletter answers do not tell whether an address has an account or a subscription.
 *
 * Already covered elsewhere, not repeated here: two limiter instances on one store with a
 * made-up limit, and the sign-in limits on one node (tests/integration/rate-limit.test.ts);
 * the newsletter's per-IP/per-email 429s on one node and the same body for one address in
 * each state (tests/integration/newsletter.test.ts); a sign-in link used twice in the
 * browser (tests/e2e/voting.spec.ts, "a sign-in link works once").
 */

// A request scope for server actions and Auth.js: headers and a cookie jar set by the test.
const scope = vi.hoisted(() => ({
  headers: new Headers(),
  cookies: [] as { name: string; value: string; options?: Record<string, unknown> }[],
}));
vi.mock("next/headers", () => ({
  headers: async () => scope.headers,
  cookies: async () => ({
    get: () => undefined,
    getAll: () => [],
    has: () => false,
    delete: () => undefined,
    set: (name: string, value: string, options?: Record<string, unknown>) => {
      scope.cookies.push({ name, value, options });
    },
  }),
}));
vi.mock("next/navigation", async () => (await import("../helpers/next-mocks")).navigation);
vi.mock("next/cache", async (original) => ({ ...(await original<typeof import("next/cache")>()), refresh: () => undefined }));
// Emails (sign-in links, newsletter confirmations) land here instead of SMTP or the log.
const outbox = vi.hoisted(() => [] as { to: string; subject: string; text: string }[]);
vi.mock("@/lib/email", async (original) => ({
  ...(await original<typeof import("@/lib/email")>()),
  sendEmail: async (email: { to: string; subject: string; text: string }) => {
    outbox.push(email);
  },
}));
// `after()` needs a Next request scope; its tasks are collected and awaited by the test.
const afterTasks = vi.hoisted(() => [] as Promise<unknown>[]);
vi.mock("next/server", async (original) => ({
  ...(await original<typeof import("next/server")>()),
  after: (task: (() => unknown) | Promise<unknown>) => {
    afterTasks.push(Promise.resolve().then(() => (typeof task === "function" ? task() : task)));
  },
}));

const SITE = "http://localhost:3000";
const AUTH_SECRET = randomBytes(32).toString("base64url");
process.env.SITE_URL = SITE;
process.env.AUTH_URL = SITE;
process.env.AUTH_SECRET = AUTH_SECRET;
delete process.env.REDIS_URL;
delete process.env.EMAIL_SERVER;

const { NextRequest } = await import("next/server");
const { requestSignInLink } = await import("@/lib/auth/actions");
const authRoute = await import("@/app/api/auth/[...nextauth]/route");
const { POST: newsletterPost } = await import("@/app/api/newsletter/route");
const { hashKey } = await import("@/lib/rate-limit");

let client: PrismaClient;
beforeAll(() => {
  client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 2 });
});
afterAll(() => client.$disconnect());

const nonce = randomBytes(3).toString("hex");
let counter = 0;
/** Unique per run, so Redis keys never collide with anyone else's; recorded for clean-up. */
const used = { ips: new Set<string>(), emails: new Set<string>(), users: new Set<string>() };
const freshIp = () => {
  const ip = `2001:db8:${nonce}::${(++counter).toString(16)}`;
  used.ips.add(ip);
  return ip;
};
const freshEmail = (label: string) => {
  const email = `${label}-${nonce}-${++counter}@example.test`;
  used.emails.add(email);
  return email;
};
const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
};

/** The /signin form as a browser at `ip` submits it: "sent" (redirect to check-email) or the error shown. */
async function signInForm(action: typeof requestSignInLink, email: string, ip: string): Promise<string> {
  scope.headers = new Headers({ host: "localhost:3000", "x-forwarded-for": ip });
  try {
    const state = await action({}, form({ email }));
    return state.error?.startsWith("Too many sign-in emails") ? "limited" : `error: ${state.error}`;
  } catch (error) {
    if (error instanceof Redirected && error.message === "/signin/check-email") return "sent";
    throw error;
  }
}

// ------------------------------------------------------------------------------------------
describe("4. rate limits hold across two app nodes", () => {
  /** One app node: its own copy of every module (own limiters, own Redis client), as a separate process has. */
  async function bootNode() {
    vi.resetModules();
    return {
      env: (await import("@/lib/env")).env,
      rateLimit: await import("@/lib/rate-limit"),
      vote: await import("@/app/api/tools/[slug]/vote/route"),
      newsletter: await import("@/app/api/newsletter/route"),
      auth: await import("@/lib/auth/actions"),
    };
  }
  type Node = Awaited<ReturnType<typeof bootNode>>;

  async function probeRedis(): Promise<string | undefined> {
    const url = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
    const probe = new Redis(url, { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on("error", () => undefined);
    try {
      await probe.connect();
      return (await probe.ping()) === "PONG" ? url : undefined;
    } catch {
      return undefined;
    } finally {
      probe.disconnect();
    }
  }

  async function runAcrossNodes(kind: "postgres" | "redis") {
    const nodes: [Node, Node] = [await bootNode(), await bootNode()];
    expect(nodes[0].rateLimit).not.toBe(nodes[1].rateLimit); // two module instances, two sets of limiters
    for (const node of nodes) {
      const store = node.rateLimit.defaultStore();
      expect(store.kind).toBe(kind);
      // A node's first requests would otherwise meet a Redis client still connecting (see the report).
      if (store.kind === "redis" && store.client.status !== "ready") await new Promise((resolve) => store.client.once("ready", resolve));
    }
    const { env } = nodes[0];
    const node = (i: number) => nodes[i % 2]!;
    const figures: string[] = [];

    // Votes per user.
    const { slug } = await createTool(client);
    const voter = await createSignedInUser(client);
    used.users.add(voter.user.id);
    const votes: number[] = [];
    for (let i = 0; i < env.RATE_LIMIT_VOTES.points + 2; i++) {
      const response = await node(i).vote.PUT(
        new Request(`${SITE}/api/tools/${slug}/vote`, {
          method: "PUT",
          headers: { origin: SITE, cookie: voter.cookie, "content-type": "application/json" },
          body: JSON.stringify({ decision: i % 2 ? "ship" : "skip" }),
        }),
        { params: Promise.resolve({ slug }) } as never,
      );
      votes.push(response.status);
      if (response.status === 429) expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expect(votes).toEqual([...Array(env.RATE_LIMIT_VOTES.points).fill(200), 429, 429]);
    figures.push(`votes ${votes.filter((s) => s === 200).length}/${env.RATE_LIMIT_VOTES.points}`);

    // Sign-in emails per address (a new IP each time) and per IP (a new address each time), through the /signin form.
    const address = freshEmail("signin-one");
    const sentBefore = outbox.length;
    const perEmail: string[] = [];
    for (let i = 0; i < env.RATE_LIMIT_SIGNIN_EMAIL.points + 2; i++) perEmail.push(await signInForm(node(i).auth.requestSignInLink, address, freshIp()));
    expect(perEmail).toEqual([...Array(env.RATE_LIMIT_SIGNIN_EMAIL.points).fill("sent"), "limited", "limited"]);
    expect(outbox.slice(sentBefore).filter((mail) => mail.to === address)).toHaveLength(env.RATE_LIMIT_SIGNIN_EMAIL.points);

    const ip = freshIp();
    const perIp: string[] = [];
    for (let i = 0; i < env.RATE_LIMIT_SIGNIN_IP.points + 2; i++) perIp.push(await signInForm(node(i).auth.requestSignInLink, freshEmail("signin-ip"), ip));
    expect(perIp).toEqual([...Array(env.RATE_LIMIT_SIGNIN_IP.points).fill("sent"), "limited", "limited"]);
    figures.push(`sign-in ${perEmail.filter((s) => s === "sent").length}/${env.RATE_LIMIT_SIGNIN_EMAIL.points} per address, ${perIp.filter((s) => s === "sent").length}/${env.RATE_LIMIT_SIGNIN_IP.points} per IP`);

    // Newsletter subscriptions per address and per IP, through POST /api/newsletter.
    const subscribe = async (n: Node, email: string, from: string) => {
      const response = await n.newsletter.POST(
        new Request(`${SITE}/api/newsletter`, {
          method: "POST",
          headers: { origin: SITE, "content-type": "application/json", "x-forwarded-for": from },
          body: JSON.stringify({ email }),
        }),
      );
      await Promise.all(afterTasks.splice(0));
      return response.status;
    };
    const reader = freshEmail("news-one");
    const newsPerEmail: number[] = [];
    for (let i = 0; i < env.RATE_LIMIT_NEWSLETTER_EMAIL.points + 2; i++) newsPerEmail.push(await subscribe(node(i), reader, freshIp()));
    expect(newsPerEmail).toEqual([...Array(env.RATE_LIMIT_NEWSLETTER_EMAIL.points).fill(202), 429, 429]);
    expect(outbox.filter((mail) => mail.to === reader)).toHaveLength(env.RATE_LIMIT_NEWSLETTER_EMAIL.points);

    const newsIp = freshIp();
    const newsPerIp: number[] = [];
    for (let i = 0; i < env.RATE_LIMIT_NEWSLETTER_IP.points + 2; i++) newsPerIp.push(await subscribe(node(i), freshEmail("news-ip"), newsIp));
    expect(newsPerIp).toEqual([...Array(env.RATE_LIMIT_NEWSLETTER_IP.points).fill(202), 429, 429]);
    figures.push(`newsletter ${newsPerEmail.filter((s) => s === 202).length}/${env.RATE_LIMIT_NEWSLETTER_EMAIL.points} per address, ${newsPerIp.filter((s) => s === 202).length}/${env.RATE_LIMIT_NEWSLETTER_IP.points} per IP`);

    // The counts live in the shared store, not in a node's in-memory fallback.
    const stored = async (key: string): Promise<number> => {
      if (kind === "redis") {
        const redis = (nodes[0].rateLimit.defaultStore() as { client: Redis }).client;
        return Number(await redis.get(key));
      }
      const [row] = await client.$queryRaw<{ points: number }[]>`SELECT points FROM rate_limits WHERE key = ${key}`;
      return row?.points ?? 0;
    };
    expect(await stored(`rl_vote:${voter.user.id}`)).toBeGreaterThanOrEqual(env.RATE_LIMIT_VOTES.points);
    expect(await stored(`rl_signinEmail:${hashKey(address)}`)).toBeGreaterThanOrEqual(env.RATE_LIMIT_SIGNIN_EMAIL.points);
    expect(await stored(`rl_newsletterIp:${newsIp}`)).toBeGreaterThanOrEqual(env.RATE_LIMIT_NEWSLETTER_IP.points);
    return { nodes, figures };
  }

  it("PostgreSQL store: alternating between node 1 and node 2 hits each limit at exactly its configured count", async () => {
    const { figures } = await runAcrossNodes("postgres");
    console.log(`abuse: PostgreSQL store, 2 nodes alternating: ${figures.join("; ")} — then 429 on both nodes`);
  });

  it("Redis store (REDIS_URL): the same, with unique keys cleaned up afterwards", async (context) => {
    const url = await probeRedis();
    if (!url) {
      console.log("abuse: no Redis at TEST_REDIS_URL or 127.0.0.1:6379 — Redis store not tested in this run");
      context.skip();
      return;
    }
    process.env.REDIS_URL = url;
    let nodes: Node[] = [];
    const keys = () => [
      ...[...used.users].map((id) => `rl_vote:${id}`),
      ...[...used.emails].flatMap((email) => [`rl_signinEmail:${hashKey(email)}`, `rl_newsletterEmail:${hashKey(email)}`]),
      ...[...used.ips].flatMap((ip) => [`rl_signinIp:${ip}`, `rl_newsletterIp:${ip}`]),
    ];
    const cleaner = new Redis(url, { maxRetriesPerRequest: 1 });
    try {
      const result = await runAcrossNodes("redis");
      nodes = result.nodes;
      console.log(`abuse: Redis store, 2 nodes alternating: ${result.figures.join("; ")} — then 429 on both nodes`);
    } finally {
      delete process.env.REDIS_URL;
      for (const node of nodes) {
        const store = node.rateLimit.defaultStore();
        if (store.kind === "redis") await store.client.quit().catch(() => undefined);
      }
      const all = keys();
      for (let i = 0; i < all.length; i += 200) await cleaner.del(...all.slice(i, i + 200));
      const [, left] = await cleaner.scan("0", "MATCH", `rl_*${nonce}*`, "COUNT", 10_000);
      expect(left).toEqual([]);
      await cleaner.quit();
    }
  });
});

// ------------------------------------------------------------------------------------------
describe("5. magic-link tokens are single-use and expire", () => {
  // Auth.js logs each refused link ("[auth][error] Verification"); those lines are expected here.
  const originalError = console.error;
  let quiet: ReturnType<typeof vi.spyOn> | undefined;
  beforeAll(() => {
    quiet = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
      if (!/\[auth\]\[error\].*Verification|actions\/callback/.test(args.map(String).join(" "))) originalError(...args);
    });
  });
  afterAll(() => quiet?.mockRestore());
  async function requestLink(email: string): Promise<URL> {
    const before = outbox.length;
    expect(await signInForm(requestSignInLink, email, freshIp())).toBe("sent");
    const mail = outbox.slice(before).find((m) => m.to === email);
    expect(mail, "a sign-in email").toBeTruthy();
    return new URL(mail!.text.match(/https?:\/\/\S+/)![0]);
  }
  const open = (link: URL | string) => authRoute.GET(new NextRequest(link.toString()));
  const sessionCookie = (response: Response) => response.headers.getSetCookie().find((c) => c.startsWith("authjs.session-token="));
  const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

  it("the stored token is a hash; the link signs in once, never for another address, and not a second time", async () => {
    const email = freshEmail("link-once");
    const link = await requestLink(email);
    expect(link.pathname).toBe("/api/auth/callback/nodemailer");
    const token = link.searchParams.get("token")!;
    const rows = await client.verificationToken.findMany({ where: { identifier: email } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token).not.toBe(token);
    expect(rows[0]!.token).toBe(sha256(`${token}${AUTH_SECRET}`));

    // The same token with someone else's address is refused, and does not use the token up.
    const other = new URL(link);
    other.searchParams.set("email", freshEmail("someone-else"));
    const hijack = await open(other);
    expect(hijack.status).toBe(302);
    expect(hijack.headers.get("location")).toContain("/signin?error=Verification");
    expect(sessionCookie(hijack)).toBeUndefined();

    const first = await open(link);
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe(`${SITE}/`);
    expect(sessionCookie(first)).toBeTruthy();
    const user = await client.user.findUniqueOrThrow({ where: { email } });
    expect(await client.session.count({ where: { userId: user.id } })).toBe(1);
    expect(await client.verificationToken.count({ where: { identifier: email } })).toBe(0);

    const second = await open(link);
    expect(second.status).toBe(302);
    expect(second.headers.get("location")).toContain("/signin?error=Verification");
    expect(sessionCookie(second)).toBeUndefined();
    expect(await client.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("an expired link is refused: no user, no session", async () => {
    const email = freshEmail("link-late");
    const link = await requestLink(email);
    await client.verificationToken.updateMany({ where: { identifier: email }, data: { expires: new Date(Date.now() - 1000) } });
    const sessionsBefore = await client.session.count();
    const response = await open(link);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toContain("/signin?error=Verification");
    expect(sessionCookie(response)).toBeUndefined();
    expect(await client.user.count({ where: { email } })).toBe(0);
    expect(await client.session.count()).toBe(sessionsBefore);
    // Expiry is an hour: a fresh link for the same address still works.
    const fresh = await requestLink(email);
    expect(sessionCookie(await open(fresh))).toBeTruthy();
    console.log("abuse: magic link stored as sha256(token+secret); used once → 2nd use refused; other address refused; expired refused (0 users, 0 sessions)");
  });
});

// ------------------------------------------------------------------------------------------
describe("6. answers never reveal whether an address has an account or a subscription", () => {
  /** A response with the parts that may legitimately differ per request (cookie values, dates) blanked. */
  async function shape(response: Response) {
    const headers = [...response.headers.entries()]
      .filter(([name]) => name !== "set-cookie" && name !== "date")
      .sort(([a], [b]) => a.localeCompare(b));
    const cookies = response.headers
      .getSetCookie()
      .map((cookie) => cookie.replace(/^([^=]+)=[^;]*/, "$1=…").replace(/Expires=[^;]+/i, "Expires=…"))
      .sort();
    return { status: response.status, location: response.headers.get("location"), headers, cookies, body: await response.text() };
  }
  const cookieShape = () => scope.cookies.map((c) => `${c.name} ${JSON.stringify({ ...c.options, expires: undefined })}`).sort();

  it("sign-in: the /signin form and POST /api/auth/signin/nodemailer answer the same for a member and a stranger", async () => {
    const member = freshEmail("member");
    await client.user.create({ data: { email: member, emailVerified: new Date(), name: "Member" } });
    const admin = freshEmail("admin");
    await client.user.create({ data: { email: admin, role: "ADMIN", emailVerified: new Date() } });
    const candidates = { member, admin, stranger: freshEmail("stranger"), "member in capitals": member.toUpperCase() };

    const viaForm: Record<string, unknown> = {};
    const viaHttp: Record<string, unknown> = {};
    for (const [label, email] of Object.entries(candidates)) {
      scope.cookies = [];
      viaForm[label] = { outcome: await signInForm(requestSignInLink, email, freshIp()), cookies: cookieShape() };

      const csrf = await authRoute.GET(new NextRequest(`${SITE}/api/auth/csrf`));
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
      const response = await authRoute.POST(
        new NextRequest(`${SITE}/api/auth/signin/nodemailer`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", origin: SITE, cookie, "x-forwarded-for": freshIp() },
          body: new URLSearchParams({ email, csrfToken, callbackUrl: `${SITE}/account` }).toString(),
        }),
      );
      viaHttp[label] = await shape(response);
    }
    const distinct = (answers: Record<string, unknown>) => new Set(Object.values(answers).map((a) => JSON.stringify(a))).size;
    expect(viaForm.member).toEqual({ outcome: "sent", cookies: expect.any(Array) });
    expect(distinct(viaForm), JSON.stringify(viaForm, null, 1)).toBe(1);
    expect((viaHttp.member as { status: number; location: string }).status).toBe(302);
    // Auth.js answers with its verify-request endpoint, which forwards to the app's "check your email" page.
    const location = (viaHttp.member as { location: string }).location;
    expect(location).toBe(`${SITE}/api/auth/verify-request?provider=nodemailer&type=email`);
    const hop = await authRoute.GET(new NextRequest(location));
    expect(new URL(hop.headers.get("location")!, SITE).toString()).toBe(`${SITE}/signin/check-email?provider=nodemailer&type=email`);
    expect(distinct(viaHttp), JSON.stringify(viaHttp, null, 1)).toBe(1);
    console.log(`abuse: sign-in answers for ${Object.keys(candidates).join(", ")}: 1 distinct form answer, 1 distinct HTTP answer`);
  });

  it("newsletter: POST /api/newsletter answers the same for new, pending, confirmed and unsubscribed addresses", async () => {
    const states = { new: freshEmail("n-new"), pending: freshEmail("n-pending"), confirmed: freshEmail("n-confirmed"), unsubscribed: freshEmail("n-gone") };
    await client.newsletterSubscriber.create({ data: { email: states.pending } });
    await client.newsletterSubscriber.create({ data: { email: states.confirmed, status: "CONFIRMED", confirmedAt: new Date() } });
    await client.newsletterSubscriber.create({ data: { email: states.unsubscribed, status: "UNSUBSCRIBED", unsubscribedAt: new Date() } });
    const answers: Record<string, unknown> = {};
    for (const [label, email] of Object.entries(states)) {
      const response = await newsletterPost(
        new Request(`${SITE}/api/newsletter`, {
          method: "POST",
          headers: { origin: SITE, "content-type": "application/json", "x-forwarded-for": freshIp() },
          body: JSON.stringify({ email }),
        }),
      );
      answers[label] = await shape(response);
      await Promise.all(afterTasks.splice(0));
    }
    expect((answers.new as { status: number }).status).toBe(202);
    expect(new Set(Object.values(answers).map((a) => JSON.stringify(a))).size, JSON.stringify(answers, null, 1)).toBe(1);
    // What differs is only the email, which only the address's owner reads.
    expect(outbox.filter((mail) => mail.to === states.confirmed).map((mail) => mail.subject)).toEqual(["You're already subscribed to Weekly AI Tool Verdicts"]);
    console.log(`abuse: newsletter answers for ${Object.keys(states).join(", ")}: 1 distinct (status, headers, body)`);
  });
});
