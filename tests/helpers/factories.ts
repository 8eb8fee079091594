import { randomBytes } from "node:crypto";
import { faker } from "@faker-js/faker";
import type { PrismaClient } from "@/lib/db/client";
import type { Category, Comparison, Decision, Prisma, Reviewer, Tool, User, Verdict } from "@/lib/generated/prisma/client";
import type { DecisionJson } from "@/lib/scores/decision";
import { lockToolStats } from "@/lib/stats/lock";
import { toolSlugSchema } from "@/lib/tools/schema";

/**
 * Test factories: each test creates the categories, tools, reviewers,
 * verdicts, users, comparisons and votes it needs, so the seed can change
 * without breaking tests (the seed's own tests, tests/integration/seed.test.ts,
 * keep the seed).
 *
 * Every factory takes the test's PrismaClient and builds a valid row from faker
 * defaults that the test overrides where it matters. Counters stay exact: a
 * tool is created with its ToolStats row, a verdict moves the panel counters in
 * its own transaction (the tool's counter lock, then `refreshPanelStats`), and
 * votes go through `setVote`, the vote path of the app — so `findCounterDrift`
 * finds nothing after any of them.
 *
 * Modules that import "server-only" (the counter writes) are loaded on first
 * use, so the Playwright specs, which have no stub for it, can import the
 * user and session helpers (tests/helpers/auth.ts) built on this file.
 *
 * FAKER_SEED=<n> makes the faker defaults repeat from run to run (slugs and
 * emails stay unique either way).
 */

if (process.env.FAKER_SEED) faker.seed(Number(process.env.FAKER_SEED));

// A process-unique prefix and a counter: slugs and emails never collide, not even
// between Playwright workers sharing one database or modules loaded twice (vi.resetModules).
const RUN = randomBytes(3).toString("hex");
let sequence = 0;
const next = () => `${RUN}-${++sequence}`;

/** Lower-case words and digits joined by single dashes, never the word "vs" (a comparison slug splits on "-vs-"). */
function slugOf(words: string, max = 60): string {
  const parts = words
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(/\s+/)
    .filter((part) => part && part !== "vs");
  let slug = "";
  for (const part of parts) {
    const longer = slug ? `${slug}-${part}` : part;
    if (longer.length > max) break;
    slug = longer;
  }
  return slug || "item";
}

/**
 * A slug unique to this call: faker words (or `base`), then the run's prefix and
 * a counter. Valid for `toolSlugSchema` (and the database's slug checks), at
 * most 80 characters, and never containing "-vs-".
 */
export function uniqueSlug(base?: string): string {
  const slug = `${slugOf(base ?? `${faker.word.adjective()} ${faker.word.noun()}`)}-${next()}`;
  if (slug.includes("-vs-")) throw new Error(`uniqueSlug built "${slug}"`);
  return toolSlugSchema.parse(slug);
}

/** A unique, lower-case address under example.test (never delivered anywhere). */
export function uniqueEmail(label?: string): string {
  return `${slugOf(label ?? faker.internet.username(), 30)}-${next()}@example.test`;
}

const title = (words: string) => words.replace(/\b\p{L}/gu, (letter) => letter.toUpperCase());

// ---------------------------------------------------------------- catalogue

export function createCategory(client: PrismaClient, overrides: Partial<Prisma.CategoryUncheckedCreateInput> = {}): Promise<Category> {
  const words = title(`${faker.word.adjective()} ${faker.word.noun()}`);
  return client.category.create({
    data: {
      slug: uniqueSlug(overrides.name ?? words),
      // Names are unique too.
      name: `${words} ${next()}`,
      description: faker.company.catchPhrase(),
      position: 1000 + sequence,
      ...overrides,
    },
  });
}

const PRICING = ["FREE", "FREEMIUM", "PAID", "USAGE", "OPEN_WEIGHTS"] as const;
const ENTRY_PRICE: Record<(typeof PRICING)[number], () => string> = {
  FREE: () => "Free",
  FREEMIUM: () => "Free",
  OPEN_WEIGHTS: () => "Free",
  PAID: () => `$${faker.number.int({ min: 5, max: 60 })}/mo`,
  USAGE: () => "Pay as you go",
};

export type ToolOverrides = Partial<Omit<Prisma.ToolUncheckedCreateInput, "stats">> & {
  /** Archived (unlisted) from now on; or set `archivedAt` yourself. */
  archived?: boolean;
};

/**
 * A listed tool with its empty counter row, in a category of its own unless
 * `categoryId` says which.
 */
export async function createTool(client: PrismaClient, overrides: ToolOverrides = {}): Promise<Tool> {
  const { archived, ...fields } = overrides;
  const name = fields.name ?? title(`${faker.word.adjective()} ${faker.word.noun()}`);
  const pricingModel = fields.pricingModel ?? faker.helpers.arrayElement(PRICING);
  const categoryId = fields.categoryId ?? (await createCategory(client)).id;
  const domain = faker.internet.domainName();
  const entryPrice = ENTRY_PRICE[pricingModel]();
  return client.tool.create({
    data: {
      slug: uniqueSlug(name),
      name,
      vendor: faker.company.name(),
      tagline: faker.company.catchPhrase(),
      description: `${faker.company.buzzPhrase()}. ${faker.commerce.productDescription()}`,
      website: `https://${domain}`,
      license: pricingModel === "OPEN_WEIGHTS" ? "Apache-2.0" : "Proprietary",
      pricingModel,
      entryPrice,
      pricingDetail: `${entryPrice} for one person; team plans on request.`,
      pricingSourceUrl: `https://${domain}/pricing`,
      pricingVerifiedAt: faker.date.recent({ days: 60 }),
      releasedAt: faker.date.past({ years: 2 }),
      archivedAt: archived ? new Date() : null,
      ...fields,
      categoryId,
      stats: { create: {} },
    },
  });
}

const LENSES = ["Developer experience", "Competitive skeptic", "Futurist", "Business & buyer", "Security", "Accessibility", "Cost control"];

/** An active reviewer persona, after the seeded panel in the panel's order (in the order created). */
export function createReviewer(client: PrismaClient, overrides: Partial<Prisma.ReviewerUncheckedCreateInput> = {}): Promise<Reviewer> {
  const name = overrides.name ?? faker.person.fullName();
  return client.reviewer.create({
    data: {
      slug: uniqueSlug(name),
      name,
      lens: faker.helpers.arrayElement(LENSES),
      bio: `${faker.person.bio()}. ${faker.lorem.sentence()}`,
      excitedBy: [faker.company.buzzNoun(), faker.company.buzzNoun()],
      tiredOf: [faker.company.buzzNoun()],
      active: true,
      position: 1000 + sequence,
      ...overrides,
    },
  });
}

export type VerdictInput = {
  tool: Pick<Tool, "id">;
  reviewer: Pick<Reviewer, "id">;
  decision?: Decision;
  body?: string;
  /** Published (counted in the panel figures) unless false. */
  published?: boolean;
  /** When it was written and published (its first revision has the same date); now by default. */
  at?: Date;
  /** The first revision's reason. */
  reason?: string | null;
  editorId?: string | null;
};

/**
 * A reviewer's verdict on a tool with its first revision, like a published
 * seed verdict; the tool's panel counters move in the same transaction, under
 * the tool's counter lock as every counter write. (Staff writes with their
 * audit entries are `createVerdict`/`saveVerdict` in lib/verdicts/writes.ts.)
 */
export async function createVerdict(client: PrismaClient, input: VerdictInput): Promise<Verdict> {
  const { refreshPanelStats } = await import("@/lib/stats/panel");
  const decision = input.decision ?? faker.helpers.arrayElement(["SHIP", "SKIP"] as const);
  const body = input.body ?? faker.lorem.paragraph({ min: 3, max: 5 });
  const published = input.published ?? true;
  const at = input.at ?? new Date();
  return client.$transaction(async (tx) => {
    await lockToolStats(tx, input.tool.id);
    const verdict = await tx.verdict.create({
      data: { toolId: input.tool.id, reviewerId: input.reviewer.id, decision, body, published, publishedAt: published ? at : null, createdAt: at },
    });
    await tx.verdictRevision.create({
      data: {
        verdictId: verdict.id,
        version: 1,
        decision,
        body,
        published,
        reason: input.reason === undefined ? "First published" : input.reason,
        editorId: input.editorId ?? null,
        createdAt: at,
      },
    });
    await refreshPanelStats(tx, input.tool.id);
    return verdict;
  });
}

/** A comparison of two tools at `<a>-vs-<b>`, published now unless told otherwise. */
export function createComparison(
  client: PrismaClient,
  input: { toolA: Pick<Tool, "id" | "slug">; toolB: Pick<Tool, "id" | "slug"> } & Partial<Omit<Prisma.ComparisonUncheckedCreateInput, "toolAId" | "toolBId">>,
): Promise<Comparison> {
  const { toolA, toolB, ...overrides } = input;
  const status = overrides.status ?? "PUBLISHED";
  const publishedAt = overrides.publishedAt !== undefined ? overrides.publishedAt : status === "PUBLISHED" ? new Date() : null;
  return client.comparison.create({
    data: {
      slug: `${toolA.slug}-vs-${toolB.slug}`,
      headline: `${faker.company.catchPhrase()}?`,
      intro: faker.lorem.paragraph(),
      ...overrides,
      toolAId: toolA.id,
      toolBId: toolB.id,
      status,
      publishedAt,
      // Like the seed: a comparison published in the past was created then.
      createdAt: overrides.createdAt ?? publishedAt ?? undefined,
    },
  });
}

// ---------------------------------------------------------------- people and votes

/** How old a test reader's account is unless told otherwise: past NEW_ACCOUNT_HOURS, so their votes count at once. */
export const ESTABLISHED_ACCOUNT_AGE_MS = 30 * 86_400_000;

/**
 * A user who signed in by email: verified, role USER unless told otherwise. An
 * established reader (account a month old): a new account's votes wait before
 * they count (docs/decisions/030), so a test of a new account says so with
 * `createdAt: new Date()`.
 */
export function createUser(client: PrismaClient, overrides: Partial<Prisma.UserUncheckedCreateInput> = {}): Promise<User> {
  return client.user.create({
    data: {
      email: uniqueEmail(),
      name: faker.person.fullName(),
      emailVerified: new Date(),
      role: "USER",
      createdAt: new Date(Date.now() - ESTABLISHED_ACCOUNT_AGE_MS),
      ...overrides,
    },
  });
}

/**
 * Community votes on a listed tool through `setVote` (the app's vote path,
 * which moves the counters), one new user per vote, ship votes first.
 * Returns the voters in that order.
 */
export async function createVotes(client: PrismaClient, tool: Pick<Tool, "slug">, votes: { ship?: number; skip?: number }): Promise<User[]> {
  const { setVote } = await import("@/lib/votes/writes");
  const decisions: DecisionJson[] = [...Array<DecisionJson>(votes.ship ?? 0).fill("ship"), ...Array<DecisionJson>(votes.skip ?? 0).fill("skip")];
  const voters: User[] = [];
  for (const decision of decisions) {
    const voter = await createUser(client);
    await setVote(voter.id, tool.slug, decision);
    voters.push(voter);
  }
  return voters;
}

// ---------------------------------------------------------------- shorthands

/** `count` active reviewers, in panel order. */
export async function createReviewers(client: PrismaClient, count: number): Promise<Reviewer[]> {
  const reviewers: Reviewer[] = [];
  for (let i = 0; i < count; i++) reviewers.push(await createReviewer(client));
  return reviewers;
}

/** One published verdict on `tool` per decision, the i-th by the i-th reviewer. */
export async function createVerdicts(client: PrismaClient, tool: Pick<Tool, "id">, reviewers: Pick<Reviewer, "id">[], decisions: Decision[]): Promise<Verdict[]> {
  if (decisions.length > reviewers.length) throw new Error(`${decisions.length} verdicts need as many reviewers, not ${reviewers.length}`);
  const verdicts: Verdict[] = [];
  for (const [i, decision] of decisions.entries()) verdicts.push(await createVerdict(client, { tool, reviewer: reviewers[i]!, decision }));
  return verdicts;
}

const PANEL_LENSES = ["Developer experience", "Competitive skeptic", "Futurist", "Business & buyer"];

/**
 * Two listed tools reviewed by the same new panel of four, shaped like the
 * seed page: the panel ships A 4 of 4 and B 3 of 4 (the "Business & buyer"
 * reviewer, the last, skips B), compared in a comparison published now
 * (`comparison` overrides its fields; null: no comparison, only the pair).
 */
export async function createComparedPair(
  client: PrismaClient,
  options: { names?: [string, string]; comparison?: Partial<Omit<Prisma.ComparisonUncheckedCreateInput, "toolAId" | "toolBId">> | null } = {},
) {
  const category = await createCategory(client);
  const [nameA, nameB] = options.names ?? [undefined, undefined];
  const toolA = await createTool(client, { categoryId: category.id, ...(nameA ? { name: nameA } : {}) });
  const toolB = await createTool(client, { categoryId: category.id, ...(nameB ? { name: nameB } : {}) });
  const reviewers: Reviewer[] = [];
  for (const lens of PANEL_LENSES) reviewers.push(await createReviewer(client, { lens }));
  const verdictsA = await createVerdicts(client, toolA, reviewers, ["SHIP", "SHIP", "SHIP", "SHIP"]);
  const verdictsB = await createVerdicts(client, toolB, reviewers, ["SHIP", "SHIP", "SHIP", "SKIP"]);
  const comparison = options.comparison === null ? null : await createComparison(client, { toolA, toolB, ...options.comparison });
  return { toolA, toolB, reviewers, verdictsA, verdictsB, comparison };
}
