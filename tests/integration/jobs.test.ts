import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { spawn } from "node:child_process";
import { once } from "node:events";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { Forbidden, session } from "../helpers/next-mocks";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { createSignedInUser } from "../helpers/auth";
import { startMailServer, waitForMail, type ReceivedMail } from "../helpers/mail-server";

/**
 * Every email through the job queue (docs/decisions/035): SMTP refusing →
 * retried with backoff and delivered once it accepts; a job out of attempts
 * shows in /admin/jobs, where staff retry or discard it (audited); two
 * workers on one database send each email once; the weekly digest runs on
 * the queue's schedule (a test clock: the cron payload) and a second run
 * queues nothing; a sign-in link arrives within a couple of seconds.
 */

vi.mock("next/navigation", async () => (await import("../helpers/next-mocks")).navigation);
vi.mock("next/headers", async () => (await import("../helpers/next-mocks")).nextHeaders);
vi.mock("next/cache", async () => (await import("../helpers/next-mocks")).cache);
vi.mock("@/lib/auth/session", async (original) => ({
  ...(await original<typeof import("@/lib/auth/session")>()),
  getCurrentUser: async () => (await import("../helpers/next-mocks")).session.user,
}));

// Env is read once when lib/env loads: point email at the test SMTP server before any lib import.
const smtp = vi.hoisted(() => ({ refusing: false, refused: 0, stall: null as string | null }));
const mailDir = await mkdtemp(path.join(os.tmpdir(), "sos-jobs-mail-"));
const mail = await startMailServer(mailDir, { refuse: () => smtp.refusing && ++smtp.refused > 0, stall: (to) => smtp.stall !== null && to.includes(smtp.stall) });
process.env.EMAIL_SERVER = mail.url;
process.env.SITE_URL = "http://localhost:3000";

const { enqueueEmail } = await import("@/lib/jobs/enqueue");
const { startJobRunner } = await import("@/lib/jobs/runner");
const { jobTasks } = await import("@/lib/jobs/tasks");
const { countJobs, listFailedJobs } = await import("@/lib/jobs/queries");
const { retryJobAction, discardJobAction } = await import("@/lib/jobs/actions");
const { takeNodeLock } = await import("@/lib/jobs/recovery");

type Runner = Awaited<ReturnType<typeof startJobRunner>>;
let client: PrismaClient;
const runners: Runner[] = [];
const startRunner = async () => {
  const runner = await startJobRunner({ connectionString: process.env.DATABASE_URL!, client, concurrency: 2, newAccountHours: 0 });
  runners.push(runner);
  return runner;
};
const stopRunners = async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.stop()));
};

beforeAll(() => {
  client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 4 });
});
beforeEach(() => {
  smtp.refusing = false;
  smtp.refused = 0;
  smtp.stall = null;
});
afterAll(async () => {
  await stopRunners();
  await client.$disconnect();
  await mail.close();
  await rm(mailDir, { recursive: true, force: true });
});

const message = (to: string, subject = "Hello from the queue") => ({ to, subject, text: `Plain text for ${to}, with a secret link https://x.test/?t=SECRET`, html: "<p>Hi</p>" });
const enqueue = (to: string, kind: "sign-in" | "newsletter" | "digest" = "newsletter", key?: string) => client.$transaction((tx) => enqueueEmail(tx, kind, message(to), { key }));

async function delivered(address: string): Promise<ReceivedMail[]> {
  const mails: ReceivedMail[] = [];
  for (const file of (await readdir(mailDir)).filter((f) => f.endsWith(".json"))) {
    const received = JSON.parse(await readFile(path.join(mailDir, file), "utf8")) as ReceivedMail;
    if (received.to.includes(address)) mails.push(received);
  }
  return mails;
}

const jobsFor = (address: string) =>
  client.$queryRaw<{ id: bigint; attempts: number; max_attempts: number; last_error: string | null; locked_at: Date | null }[]>`
    SELECT id, attempts, max_attempts, last_error, locked_at FROM graphile_worker._private_jobs WHERE payload #>> '{email,to}' = ${address}`;

async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out; last value ${JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
};

/** A send_email job that has run out of attempts against a refusing SMTP server. */
async function failedJob(address: string): Promise<string> {
  smtp.refusing = true;
  await enqueue(address);
  await client.$executeRaw`UPDATE graphile_worker._private_jobs SET max_attempts = 1 WHERE payload #>> '{email,to}' = ${address}`;
  const runner = await startRunner();
  const [job] = await until(() => jobsFor(address), (jobs) => jobs.length === 1 && jobs[0]!.attempts === 1 && jobs[0]!.locked_at === null);
  await stopRunners();
  void runner;
  smtp.refusing = false;
  return job!.id.toString();
}

describe("send_email", () => {
  it("adds nothing when the transaction that would enqueue it rolls back", async () => {
    await expect(
      client.$transaction(async (tx) => {
        await enqueueEmail(tx, "newsletter", message("rolled-back@example.test"));
        throw new Error("the write failed");
      }),
    ).rejects.toThrow("the write failed");
    expect(await jobsFor("rolled-back@example.test")).toHaveLength(0);
  });

  it("refuses a message that is not an email before it reaches the queue", async () => {
    await expect(client.$transaction((tx) => enqueueEmail(tx, "newsletter", { ...message("x@example.test"), to: "not an address" }))).rejects.toThrow();
    await expect(client.$transaction((tx) => enqueueEmail(tx, "digest", { ...message("x@example.test"), html: "x".repeat(300_000) }))).rejects.toThrow(/limit/);
  });

  it("SMTP refusing: the job fails, is retried with backoff, and the email is delivered once when SMTP accepts again", async () => {
    smtp.refusing = true;
    await enqueue("retry@example.test");
    await startRunner();
    const [failed] = await until(() => jobsFor("retry@example.test"), (jobs) => jobs[0]?.attempts === 1 && jobs[0].locked_at === null && jobs[0].last_error !== null);
    expect(failed!.last_error).toMatch(/451|try again later/i);
    expect(failed!.last_error).not.toContain("SECRET");
    expect(failed!.max_attempts).toBe(12);
    expect(await delivered("retry@example.test")).toHaveLength(0);
    expect((await countJobs()).find((row) => row.task === "send_email")).toMatchObject({ retrying: 1, failed: 0 });

    smtp.refusing = false; // the next try comes e^1 ≈ 2.7 s later
    await waitForMail(mailDir, "retry@example.test", { timeoutMs: 15_000 });
    await until(() => jobsFor("retry@example.test"), (jobs) => jobs.length === 0);
    expect(await delivered("retry@example.test")).toHaveLength(1);
    await stopRunners();
  });

  it("a sign-in email reaches the SMTP server within a couple of seconds of being added (workers hear new jobs by LISTEN/NOTIFY)", async () => {
    await startRunner();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const added = Date.now();
    await client.$transaction((tx) => enqueueEmail(tx, "sign-in", message("prompt@example.test", "Sign in"), { expiresAt: new Date(Date.now() + 3_600_000) }));
    await waitForMail(mailDir, "prompt@example.test", { timeoutMs: 2_000 });
    expect(Date.now() - added).toBeLessThan(2_000);
    await stopRunners();
  });

  it("a sign-in link past its expiry is dropped, not sent", async () => {
    await client.$transaction((tx) => enqueueEmail(tx, "sign-in", message("late@example.test"), { expiresAt: new Date(Date.now() - 1000) }));
    await startRunner();
    await until(() => jobsFor("late@example.test"), (jobs) => jobs.length === 0);
    await stopRunners();
    expect(await delivered("late@example.test")).toHaveLength(0);
  });

  it("two workers on one database send each email once", async () => {
    const addresses = Array.from({ length: 30 }, (_, i) => `twice-${i}@example.test`);
    await Promise.all([startRunner(), startRunner()]);
    for (const address of addresses) await enqueue(address);
    for (const address of addresses) await until(() => jobsFor(address), (jobs) => jobs.length === 0);
    await stopRunners();
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const address of addresses) expect(await delivered(address), address).toHaveLength(1);
  });

  it("a job key collapses a duplicate still waiting into one job", async () => {
    await enqueue("keyed@example.test", "digest", "digest:d1:s1");
    await enqueue("keyed@example.test", "digest", "digest:d1:s1");
    expect(await jobsFor("keyed@example.test")).toHaveLength(1);
    await client.$executeRaw`DELETE FROM graphile_worker._private_jobs WHERE key = 'digest:d1:s1'`;
  });
});

const lockedBy = async (address: string) =>
  (await client.$queryRaw<{ locked_by: string | null }[]>`SELECT locked_by FROM graphile_worker._private_jobs WHERE payload #>> '{email,to}' = ${address}`)[0]?.locked_by ?? null;

describe("a node that dies mid-job (lib/jobs/recovery.ts)", () => {
  it("a live node's job in flight is left alone by another node's sweep, and sent once", async () => {
    const address = "in-flight@example.test";
    smtp.stall = address;
    await startRunner();
    await enqueue(address, "sign-in");
    await until(async () => mail.stalled(), (held) => held === 1);
    const worker = await lockedBy(address);
    expect(worker).toMatch(/^pool-/);
    expect(await client.jobWorker.count({ where: { workerId: worker! } })).toBe(1);

    const other = await takeNodeLock(process.env.DATABASE_URL!);
    try {
      expect(await other.sweep()).toEqual([]);
    } finally {
      await other.release();
    }
    expect(await lockedBy(address)).toBe(worker);

    await mail.releaseStalled();
    await until(() => jobsFor(address), (jobs) => jobs.length === 0);
    await stopRunners();
    expect(await delivered(address)).toHaveLength(1);
    // A node that stops forgets its workers.
    expect(await client.jobWorker.count({ where: { workerId: worker! } })).toBe(0);
  });

  it("a node killed mid-send: its job is handed back when another node starts, and the email is sent once", async () => {
    const address = "killed-mid-send@example.test";
    smtp.stall = address;
    await enqueue(address, "sign-in");
    // A real node: `npm run worker` in a process of its own, killed with SIGKILL while the mail server holds its message.
    const node = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
      cwd: path.resolve(import.meta.dirname, "../.."),
      env: { ...process.env, EMAIL_SERVER: mail.url, JOBS_CONCURRENCY: "1", LOG_LEVEL: "warn" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let errors = "";
    node.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    let worker: string | null = null;
    try {
      await until(async () => mail.stalled(), (held) => held === 1, 60_000).catch((error: Error) => {
        throw new Error(`${error.message}; the worker's stderr: ${errors}`);
      });
      worker = await lockedBy(address);
      expect(worker).toMatch(/^pool-/);
      expect(await client.jobWorker.count({ where: { workerId: worker! } })).toBe(1);
    } finally {
      node.kill("SIGKILL");
      if (node.exitCode === null && node.signalCode === null) await once(node, "exit");
    }
    smtp.stall = null;
    // Left to graphile-worker alone, the job would stay locked to the dead worker for four hours.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await lockedBy(address)).toBe(worker);

    await startRunner();
    await until(() => delivered(address), (mails) => mails.length === 1, 20_000);
    await until(() => jobsFor(address), (jobs) => jobs.length === 0);
    await stopRunners();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await delivered(address)).toHaveLength(1);
    expect(await client.jobWorker.count({ where: { workerId: worker! } })).toBe(0);
  });
});

describe("/admin/jobs", () => {
  let staff: Awaited<ReturnType<typeof createSignedInUser>>["user"];
  let reader: Awaited<ReturnType<typeof createSignedInUser>>["user"];
  beforeAll(async () => {
    staff = (await createSignedInUser(client, { role: "STAFF" })).user;
    reader = (await createSignedInUser(client)).user;
  });
  const as = (user: typeof staff | null) => {
    session.user = user ? { id: user.id, email: user.email ?? "", name: null, role: user.role } : null;
  };

  it("a job out of attempts shows as failed: its task, attempts, error line and masked recipient, never its body", async () => {
    const id = await failedJob("alice.failed@example.test");
    const { jobs, total } = await listFailedJobs();
    expect(total).toBeGreaterThanOrEqual(1);
    const job = jobs.find((row) => row.id === id);
    expect(job).toMatchObject({ task: "send_email", attempts: 1, maxAttempts: 1, recipient: "a•••@example.test" });
    expect(job!.error).toMatch(/451|try again later/i);
    expect(JSON.stringify(jobs)).not.toContain("SECRET");
    expect(JSON.stringify(jobs)).not.toContain("alice.failed");
    expect((await countJobs()).find((row) => row.task === "send_email")!.failed).toBeGreaterThanOrEqual(1);
  });

  it("Retry runs it again with its attempts back, and is audited; the email arrives", async () => {
    const id = await failedJob("retry-me@example.test");
    as(staff);
    expect(await retryJobAction({}, form({ job: id }))).toEqual({ ok: "Queued again." });
    const [job] = await jobsFor("retry-me@example.test");
    expect(job).toMatchObject({ attempts: 0 });
    const audit = await client.auditLog.findFirstOrThrow({ where: { action: "job.retry", entityId: id } });
    expect(audit.actorId).toBe(staff.id);
    expect(JSON.stringify(audit.before)).toContain("r•••@example.test");
    expect(JSON.stringify(audit.before)).not.toContain("SECRET");
    await startRunner();
    await waitForMail(mailDir, "retry-me@example.test");
    await stopRunners();
    // Retrying again: the job is gone.
    expect(await retryJobAction({}, form({ job: id }))).toEqual({ error: expect.stringMatching(/gone/) });
  });

  it("Discard deletes it, payload and all, and is audited", async () => {
    const id = await failedJob("discard-me@example.test");
    as(staff);
    expect(await discardJobAction({}, form({ job: id }))).toEqual({ ok: "Discarded." });
    expect(await jobsFor("discard-me@example.test")).toHaveLength(0);
    expect(await client.auditLog.count({ where: { action: "job.discard", entityId: id, actorId: staff.id } })).toBe(1);
    expect(await delivered("discard-me@example.test")).toHaveLength(0);
  });

  it("a job still being tried cannot be discarded; bad ids get a clear error; readers are refused", async () => {
    await enqueue("waiting@example.test");
    const [waiting] = await jobsFor("waiting@example.test");
    as(staff);
    expect(await discardJobAction({}, form({ job: waiting!.id.toString() }))).toEqual({ error: expect.stringMatching(/still trying/) });
    expect(await retryJobAction({}, form({ job: "abc" }))).toEqual({ error: "Not a job." });
    as(reader);
    await expect(discardJobAction({}, form({ job: waiting!.id.toString() }))).rejects.toBeInstanceOf(Forbidden);
    expect(await jobsFor("waiting@example.test")).toHaveLength(1);
    await client.$executeRaw`DELETE FROM graphile_worker._private_jobs WHERE id = ${waiting!.id}`;
  });
});

describe("the weekly digest on the queue's schedule", () => {
  it("a cron tick (test clock) queues one email per confirmed subscriber; a second tick queues none", async () => {
    const { createComparison, createTool } = await import("../helpers/factories");
    // Something new this week, so the digest is not empty.
    await createComparison(client, { toolA: await createTool(client), toolB: await createTool(client), status: "PUBLISHED", publishedAt: new Date() });
    for (const email of ["digest-1@example.test", "digest-2@example.test", "digest-3@example.test"]) {
      await client.newsletterSubscriber.create({ data: { email, status: "CONFIRMED", confirmedAt: new Date() } });
    }
    await client.newsletterSubscriber.create({ data: { email: "digest-pending@example.test" } });
    const emails = (await client.newsletterSubscriber.findMany({ where: { status: "CONFIRMED" }, select: { email: true } })).map((row) => row.email).sort();

    const tasks = jobTasks(client, { newAccountHours: 0 });
    const helpers = { logger: { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined }, job: { id: "test" } } as never;
    const tick = { _cron: { ts: new Date(Date.now() + 60_000).toISOString(), backfilled: false } };
    await tasks.send_weekly_digest!(tick, helpers);
    const queued = async () =>
      (await client.$queryRaw<{ to: string; key: string; max_attempts: number }[]>`
        SELECT payload #>> '{email,to}' AS to, key, max_attempts FROM graphile_worker._private_jobs WHERE payload->>'kind' = 'digest' ORDER BY 1`);
    const first = await queued();
    expect(first.map((job) => job.to)).toEqual(emails);
    expect(first.every((job) => /^digest:[^:]+:[^:]+$/.test(job.key) && job.max_attempts === 14)).toBe(true);
    const digest = await client.digest.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    expect(digest).toMatchObject({ recipientCount: emails.length });
    expect(digest.completedAt).not.toBeNull();
    expect(digest.createdAt.toISOString()).toBe(tick._cron.ts);

    // The same tick again (a backfill, a second node), and `npm run digest` a day later: nothing more.
    await tasks.send_weekly_digest!(tick, helpers);
    const { runDigest } = await import("@/lib/newsletter/digest");
    expect(await runDigest(client, { now: new Date(Date.now() + 86_400_000) })).toMatchObject({ kind: "recent", digestId: digest.id });
    expect(await queued()).toEqual(first);
    expect(await client.digest.count()).toBe(1);

    await startRunner();
    for (const email of emails) await waitForMail(mailDir, email);
    await stopRunners();
    expect(await delivered("digest-pending@example.test")).toHaveLength(0);
  });

  it("is on the crontab: Mondays at 08:00 UTC", async () => {
    const { CRONTAB } = await import("@/lib/jobs/tasks");
    expect(CRONTAB).toMatch(/^0 8 \* \* 1 send_weekly_digest /m);
  });
});
