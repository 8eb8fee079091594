import { createHash, randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Redirected } from "../helpers/next-mocks";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { createSignedInUser } from "../helpers/auth";
import { createTool } from "../helpers/factories";
import { fromPeer } from "../helpers/peer";

/**
 * Abuse resistance:
 *   4. rate limits hold across two app nodes sharing the store (PostgreSQL; Redis too);
 *   5. magic-link tokens are stored hashed, work once and expire;
 *   6. sign-in and newsletter answers do not tell whether an address has an account or a subscription;
 *   7. limits are keyed on what a client cannot forge: the TCP peer (X-Forwarded-For only from
 *      TRUST_PROXY proxies, their hop), the mailbox (+tags, Gmail dots), a total over everyone,
 *      and sign-in spends only on a post Auth.js's CSRF check will pass.
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
// Emails (sign-in links, newsletter confirmations) land here instead of on the job queue.
const outbox = vi.hoisted(() => [] as { to: string; subject: string; text: string }[]);
vi.mock("@/lib/jobs/enqueue", async (original) => ({
  ...(await original<typeof import("@/lib/jobs/enqueue")>()),
  enqueueEmail: async (_tx: unknown, _kind: string, email: { to: string; subject: string; text: string }) => {
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
delete process.env.TRUST_PROXY;
// The totals over everyone are tested on their own (7.); elsewhere they stay out of the way (Redis is shared between runs).
process.env.RATE_LIMIT_SIGNIN_TOTAL = "100000/3600";
process.env.RATE_LIMIT_NEWSLETTER_TOTAL = "100000/3600";

const { NextRequest } = await import("next/server");
const { requestSignInLink } = await import("@/lib/auth/actions");
const { DISPOSABLE_MESSAGE, isDisposableEmail } = await import("@/lib/auth/sign-in-email");
const authRoute = await import("@/app/api/auth/[...nextauth]/route");
const { POST: newsletterPost } = await import("@/app/api/newsletter/route");
const { addressKey } = await import("@/lib/http/forwarded");
const csrfModule = await import("@/lib/auth/csrf");
const { emailKey } = await import("@/lib/rate-limit");

let client: PrismaClient;
beforeAll(() => {
  client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 2 });
});
afterAll(() => client.$disconnect());

const nonce = randomBytes(2).toString("hex");
let counter = 0;
/** Unique per run, so Redis keys never collide with anyone else's; recorded for clean-up. Each in a /64 of its own (an IPv6 limit key is the /64). */
const used = { ips: new Set<string>(), emails: new Set<string>(), users: new Set<string>() };
const freshIp = () => {
  const ip = `2001:db8:${nonce}:${(++counter).toString(16)}::1`;
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
async function signInForm(action: typeof requestSignInLink, email: string, ip: string, headers: Record<string, string> = fromPeer(ip)): Promise<string> {
  scope.headers = new Headers({ host: "localhost:3000", ...headers });
  try {
    const state = await action({}, form({ email }));
    return state.error?.startsWith("Too many sign-in emails") ? "limited" : `error: ${state.error}`;
  } catch (error) {
    if (error instanceof Redirected && error.message === "/signin/check-email") return "sent";
    throw error;
  }
}

/** POST /api/auth/signin/nodemailer as Auth.js's own form sends it: a CSRF token and its cookie first, from a fresh IP. */
async function postSignIn(email: string): Promise<Response> {
  const csrf = await authRoute.GET(new NextRequest(`${SITE}/api/auth/csrf`));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  return authRoute.POST(
    new NextRequest(`${SITE}/api/auth/signin/nodemailer`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: SITE, cookie, ...fromPeer(freshIp()) },
      body: new URLSearchParams({ email, csrfToken, callbackUrl: `${SITE}/account` }).toString(),
    }),
  );
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
          headers: { origin: SITE, "content-type": "application/json", ...fromPeer(from) },
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
    expect(await stored(`rl_signinEmail:${emailKey(address)}`)).toBeGreaterThanOrEqual(env.RATE_LIMIT_SIGNIN_EMAIL.points);
    expect(await stored(`rl_newsletterIp:${addressKey(newsIp)}`)).toBeGreaterThanOrEqual(env.RATE_LIMIT_NEWSLETTER_IP.points);
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
      ...[...used.emails].flatMap((email) => [`rl_signinEmail:${emailKey(email)}`, `rl_newsletterEmail:${emailKey(email)}`]),
      ...[...used.ips].flatMap((ip) => [`rl_signinIp:${addressKey(ip)}`, `rl_newsletterIp:${addressKey(ip)}`]),
      "rl_signinTotal:all",
      "rl_newsletterTotal:all",
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

      const response = await postSignIn(email);
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

  it("sign-in refuses throwaway mailboxes (mailchecker's list, subdomains and capitals too) by the form and by POST, sending nothing", async () => {
    const before = outbox.length;
    for (const email of [`ring-${Date.now()}@mailinator.com`, `ring@EU.YOPMAIL.COM`, `ring@sub.guerrillamail.com`]) {
      expect(await signInForm(requestSignInLink, email, freshIp())).toBe(`error: ${DISPOSABLE_MESSAGE}`);
      const response = await postSignIn(email);
      expect(response.status, email).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toBe(DISPOSABLE_MESSAGE);
    }
    expect(outbox.slice(before)).toEqual([]);
    // A listed domain inside another domain's name is not that domain.
    expect(isDisposableEmail("someone@mailinator.com.example.test")).toBe(false);
    expect(isDisposableEmail("someone@example.test")).toBe(false);
    expect(await signInForm(requestSignInLink, freshEmail("kept"), freshIp())).toBe("sent");
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
          headers: { origin: SITE, "content-type": "application/json", ...fromPeer(freshIp()) },
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

// ------------------------------------------------------------------------------------------
describe("7. limits are keyed on identities a client cannot forge", () => {
  /** An app node started with these variables (env is read once, on import), as a separate process would be. */
  async function bootNodeWith(variables: Record<string, string>) {
    const saved = Object.fromEntries(Object.keys(variables).map((name) => [name, process.env[name]]));
    Object.assign(process.env, variables);
    try {
      vi.resetModules();
      return {
        env: (await import("@/lib/env")).env,
        newsletter: await import("@/app/api/newsletter/route"),
        auth: await import("@/lib/auth/actions"),
      };
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  }

  const subscribeVia = async (route: { POST: typeof newsletterPost }, email: string, headers: Record<string, string>) => {
    const response = await route.POST(
      new Request(`${SITE}/api/newsletter`, { method: "POST", headers: { origin: SITE, "content-type": "application/json", ...headers }, body: JSON.stringify({ email }) }),
    );
    await Promise.all(afterTasks.splice(0));
    return response.status;
  };
  /** Points spent on a limit's key, in this file's own database (the store these modules use). */
  const spent = async (key: string) => {
    const [row] = await client.$queryRaw<{ points: number }[]>`SELECT points FROM rate_limits WHERE key = ${key}`;
    return row?.points ?? 0;
  };
  /** The default limits (README, Configuration). */
  const env = { newsletterIp: 10, signinIp: 20, newsletterEmail: 3, signinEmail: 5 };

  it("without TRUST_PROXY, rotating X-Forwarded-For (and X-Real-IP) does not get past the per-IP limit", async () => {
    const peer = freshIp();
    const rotating = () => ({ ...fromPeer(peer), "x-forwarded-for": freshIp(), "x-real-ip": freshIp() });
    const news: number[] = [];
    for (let i = 0; i < env.newsletterIp + 2; i++) news.push(await subscribeVia({ POST: newsletterPost }, freshEmail("xff-news"), rotating()));
    expect(news).toEqual([...Array(env.newsletterIp).fill(202), 429, 429]);

    const signIns: string[] = [];
    for (let i = 0; i < env.signinIp + 2; i++) signIns.push(await signInForm(requestSignInLink, freshEmail("xff-signin"), peer, rotating()));
    expect(signIns).toEqual([...Array(env.signinIp).fill("sent"), "limited", "limited"]);

    // A request with no stamp of this node (one that arrived before the stamp existed) has no address at all: one shared bucket.
    const unstamped: number[] = [];
    for (let i = 0; i < env.newsletterIp + 1; i++) unstamped.push(await subscribeVia({ POST: newsletterPost }, freshEmail("xff-bare"), { "x-forwarded-for": freshIp() }));
    expect(unstamped).toEqual([...Array(env.newsletterIp).fill(202), 429]);
    console.log(`abuse: ${env.newsletterIp + 2} newsletter and ${env.signinIp + 2} sign-in requests from one peer with a new X-Forwarded-For each: limited at ${env.newsletterIp} and ${env.signinIp}`);
  });

  it("with TRUST_PROXY, the entry the proxy appended decides: a client-supplied first entry does not matter", async () => {
    const node = await bootNodeWith({ TRUST_PROXY: "true" });
    expect(node.env.TRUST_PROXY_HOPS).toBe(1);
    const client = freshIp();
    const proxy = fromPeer("10.0.0.1"); // the socket is the proxy's
    const statuses: number[] = [];
    for (let i = 0; i < env.newsletterIp + 2; i++) {
      statuses.push(await subscribeVia(node.newsletter, freshEmail("hop"), { ...proxy, "x-forwarded-for": `${freshIp()}, ${client}` }));
    }
    expect(statuses).toEqual([...Array(env.newsletterIp).fill(202), 429, 429]);
    // Another client behind the same proxy has its own budget.
    expect(await subscribeVia(node.newsletter, freshEmail("hop"), { ...proxy, "x-forwarded-for": `${client}, ${freshIp()}` })).toBe(202);
    expect(await spent(`rl_newsletterIp:${addressKey(client)}`)).toBe(env.newsletterIp + 2);
  });

  it("+tag and Gmail dot variants of one mailbox share one per-address limit; the address stored and written to is the one given", async () => {
    const news = [`Ann.Lee.${nonce}+a@gmail.com`, `annlee${nonce}+b@googlemail.com`, `a.n.n.l.e.e.${nonce}@gmail.com`, `annlee${nonce}@gmail.com`];
    const newsStatuses: number[] = [];
    for (const email of news) newsStatuses.push(await subscribeVia({ POST: newsletterPost }, email, fromPeer(freshIp())));
    expect(newsStatuses).toEqual([202, 202, 202, 429]);
    const accepted = news.slice(0, env.newsletterEmail).map((email) => email.toLowerCase());
    expect(outbox.filter((mail) => accepted.includes(mail.to)).map((mail) => mail.to).sort()).toEqual([...accepted].sort());
    const rows = await client.newsletterSubscriber.findMany({ where: { email: { in: accepted } }, select: { email: true } });
    expect(rows.map((row) => row.email).sort()).toEqual([...accepted].sort());

    const other = `a.b.${nonce}+x@example.test`;
    expect(await subscribeVia({ POST: newsletterPost }, other, fromPeer(freshIp()))).toBe(202); // dots count outside Gmail

    const signIn = [`bo.b.${nonce}+1@gmail.com`, `bob${nonce}+2@googlemail.com`, `B.O.B.${nonce}@gmail.com`, `bob${nonce}@gmail.com`, `b.ob${nonce}+x@gmail.com`, `bob${nonce}+last@gmail.com`];
    const outcomes: string[] = [];
    for (const email of signIn) outcomes.push(await signInForm(requestSignInLink, email, freshIp()));
    expect(outcomes).toEqual([...Array(env.signinEmail).fill("sent"), "limited"]);
    expect(outbox.filter((mail) => signIn.map((email) => email.toLowerCase()).includes(mail.to)).map((mail) => mail.to)).toEqual(signIn.slice(0, env.signinEmail).map((email) => email.toLowerCase()));
  });

  it("the total over everyone stops a spread of distinct addresses from distinct IPs", async () => {
    await client.$executeRaw`DELETE FROM rate_limits WHERE key IN ('rl_newsletterTotal:all', 'rl_signinTotal:all')`;
    try {
      const node = await bootNodeWith({ RATE_LIMIT_NEWSLETTER_TOTAL: "4/3600", RATE_LIMIT_SIGNIN_TOTAL: "3/3600" });
      expect(node.env.RATE_LIMIT_NEWSLETTER_TOTAL).toEqual({ points: 4, duration: 3600 });
      const news: number[] = [];
      for (let i = 0; i < 6; i++) news.push(await subscribeVia(node.newsletter, freshEmail("spread"), fromPeer(freshIp())));
      expect(news).toEqual([202, 202, 202, 202, 429, 429]);
      const signIns: string[] = [];
      for (let i = 0; i < 5; i++) signIns.push(await signInForm(node.auth.requestSignInLink, freshEmail("spread"), freshIp()));
      expect(signIns).toEqual(["sent", "sent", "sent", "limited", "limited"]);
    } finally {
      await client.$executeRaw`DELETE FROM rate_limits WHERE key IN ('rl_newsletterTotal:all', 'rl_signinTotal:all')`;
    }
  });

  describe("sign-in spends the limit exactly when Auth.js's CSRF check passes", () => {
    const { csrfCookieValue, csrfVerified, readAuthBody } = csrfModule;
    /** A CSRF token and cookie as Auth.js issues them (GET /api/auth/csrf). */
    async function issued() {
      const response = await authRoute.GET(new NextRequest(`${SITE}/api/auth/csrf`));
      const { csrfToken } = (await response.json()) as { csrfToken: string };
      const cookie = response.headers.getSetCookie().map((c) => c.split(";")[0]!).find((c) => c.startsWith("authjs.csrf-token="))!;
      return { token: csrfToken, cookie, value: decodeURIComponent(cookie.slice("authjs.csrf-token=".length)) };
    }
    const post = (body: string, cookie: string, type = "application/x-www-form-urlencoded") =>
      authRoute.POST(
        new NextRequest(`${SITE}/api/auth/signin/nodemailer`, {
          method: "POST",
          headers: { "content-type": type, origin: SITE, cookie, ...fromPeer(freshIp()) },
          body,
        }),
      );
    const form = (fields: [string, string][]) => new URLSearchParams(fields).toString();
    const mailsTo = (email: string) => outbox.filter((mail) => mail.to === email).length;
    // Auth.js logs every refused CSRF token ("[auth][error] MissingCSRF"); those lines are expected here.
    const originalError = console.error;
    let quiet: ReturnType<typeof vi.spyOn> | undefined;
    beforeAll(() => {
      quiet = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
        if (!/MissingCSRF|\[auth\]\[(error|cause|details)\]/.test(args.map(String).join(" "))) originalError(...args);
      });
    });
    afterAll(() => quiet?.mockRestore());

    it("a cookie Auth.js itself issued verifies; a forged or unsigned one does not", async () => {
      const real = await issued();
      expect(real.value).toBe(csrfCookieValue(real.token, AUTH_SECRET));
      const request = (cookie: string, fields: [string, string][]) =>
        new NextRequest(`${SITE}/api/auth/signin/nodemailer`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", cookie }, body: form(fields) });
      const verified = async (cookie: string, fields: [string, string][]) => {
        const r = request(cookie, fields);
        return csrfVerified(r, await readAuthBody(r.clone()));
      };
      expect(await verified(real.cookie, [["csrfToken", real.token]])).toBe(true);
      expect(await verified(real.cookie, [["csrfToken", "another"]])).toBe(false);
      expect(await verified(`authjs.csrf-token=${encodeURIComponent(`forged|${"0".repeat(64)}`)}`, [["csrfToken", "forged"]])).toBe(false);
      expect(await verified(`authjs.csrf-token=${encodeURIComponent(csrfCookieValue("forged", "not-the-secret"))}`, [["csrfToken", "forged"]])).toBe(false);
      expect(await verified(`authjs.csrf-token=forged`, [["csrfToken", "forged"]])).toBe(false);
      // Over http Auth.js reads authjs.csrf-token only: the __Host- name is not its cookie here.
      expect(await verified(`__Host-authjs.csrf-token=${encodeURIComponent(real.value)}`, [["csrfToken", real.token]])).toBe(false);
    });

    it("a forged, unsigned token pair does not spend the victim's limit; a real one does, up to the limit", async () => {
      const victim = freshEmail("victim");
      const key = `rl_signinEmail:${emailKey(victim)}`;
      for (let i = 0; i < env.signinEmail + 3; i++) {
        const token = `forged${i}`;
        const response = await post(form([["email", victim], ["csrfToken", token]]), `authjs.csrf-token=${encodeURIComponent(`${token}|${"ab".repeat(32)}`)}`);
        expect(response.status).toBe(302);
        expect(response.headers.get("location")).toContain("error=MissingCSRF");
      }
      expect(await spent(key)).toBe(0);
      expect(mailsTo(victim)).toBe(0);

      const statuses: number[] = [];
      for (let i = 0; i < env.signinEmail + 1; i++) {
        const real = await issued();
        statuses.push((await post(form([["email", victim], ["csrfToken", real.token]]), real.cookie)).status);
      }
      expect(statuses).toEqual([...Array(env.signinEmail).fill(302), 429]);
      expect(mailsTo(victim)).toBe(env.signinEmail);
      expect(await spent(key)).toBe(env.signinEmail + 1);
    });

    it("every post Auth.js acts on spends it, however the token and cookie are sent (JSON body, repeated field, repeated cookie)", async () => {
      const real = await issued();
      const forged = `authjs.csrf-token=${encodeURIComponent(`${real.token}|${"cd".repeat(32)}`)}`;
      const cases: { label: string; body: (email: string) => string; cookie: string; type?: string; sends: boolean }[] = [
        { label: "JSON body", body: (email) => JSON.stringify({ email, csrfToken: real.token }), cookie: real.cookie, type: "application/json", sends: true },
        { label: "token repeated, Auth.js takes the last", body: (email) => form([["email", email], ["csrfToken", "forged"], ["csrfToken", real.token]]), cookie: real.cookie, sends: true },
        { label: "token repeated, the real one first", body: (email) => form([["email", email], ["csrfToken", real.token], ["csrfToken", "forged"]]), cookie: real.cookie, sends: false },
        { label: "cookie repeated, Auth.js takes the first", body: (email) => form([["email", email], ["csrfToken", real.token]]), cookie: `${real.cookie}; ${forged}`, sends: true },
        { label: "cookie repeated, the forged one first", body: (email) => form([["email", email], ["csrfToken", real.token]]), cookie: `${forged}; ${real.cookie}`, sends: false },
        { label: "multipart form (Auth.js reads no body)", body: (email) => `--b\r\nContent-Disposition: form-data; name="email"\r\n\r\n${email}\r\n--b\r\nContent-Disposition: form-data; name="csrfToken"\r\n\r\n${real.token}\r\n--b--\r\n`, cookie: real.cookie, type: "multipart/form-data; boundary=b", sends: false },
      ];
      for (const { label, body, cookie, type, sends } of cases) {
        const email = freshEmail("shape");
        const response = await post(body(email), cookie, type);
        expect({ label, mails: mailsTo(email), spent: await spent(`rl_signinEmail:${emailKey(email)}`) }).toEqual({ label, mails: sends ? 1 : 0, spent: sends ? 1 : 0 });
        expect(response.status, label).toBe(302);
      }
    });

    it("a verified post for an address the app would not write to is refused before Auth.js sends anything", async () => {
      const real = await issued();
      const two = `${freshEmail("one")}, ${freshEmail("two")}`;
      const response = await post(form([["email", two], ["csrfToken", real.token]]), real.cookie);
      expect(response.status).toBe(400);
      expect((await response.json()).error.code).toBe("invalid_request");
      expect(outbox.filter((mail) => mail.to.includes(","))).toEqual([]);
    });
  });
});
