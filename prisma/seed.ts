/**
 * Seed: the comparison page this product started from, word for word, plus a
 * real directory around it. Idempotent and additive: it inserts what is
 * missing and never changes a row that exists, so staff edits survive a
 * restart and a second run changes nothing.
 *
 *   npm run db:seed            (uses DATABASE_URL)
 */
import { pathToFileURL } from "node:url";
import { createPrismaClient, type PrismaClient } from "../lib/db/client";
import { reconcileCounters } from "../lib/stats/reconcile";
import { categories, comparisons, tools, verdicts } from "./seed-data/directory";
import { reviewers } from "./seed-data/reviewers";
import { SAMPLE_DAYS, sampleSeries, sampleTrends } from "./seed-data/sample-history";
import { seedComparison, seedTools, seedVerdicts } from "./seed-data/seed-comparison";
import { seedSpecs, storedSeedSpecs } from "./seed-data/specs";

const date = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

export const seedData = {
  categories,
  tools: [...seedTools, ...tools],
  reviewers,
  verdicts: [...seedVerdicts, ...verdicts],
  comparisons: [seedComparison, ...comparisons],
};

export type SeedSummary = { created: Record<string, number> };

export async function seed(client: PrismaClient): Promise<SeedSummary> {
  const created: Record<string, number> = {};
  await client.$transaction(
    async (tx) => {
      created.categories = (
        await tx.category.createMany({
          data: seedData.categories.map((category, index) => ({ ...category, position: index })),
          skipDuplicates: true,
        })
      ).count;
      const categoryIds = new Map(
        (await tx.category.findMany({ select: { id: true, slug: true } })).map((c) => [c.slug, c.id]),
      );

      created.tools = (
        await tx.tool.createMany({
          data: seedData.tools.map((seedTool) => {
            const { category, pricingVerifiedAt, releasedAt, ...tool } = seedTool;
            const categoryId = categoryIds.get(category);
            if (!categoryId) throw new Error(`Seed tool ${tool.slug}: unknown category ${category}`);
            return {
              ...tool,
              specs: storedSeedSpecs(seedTool),
              categoryId,
              pricingVerifiedAt: date(pricingVerifiedAt),
              releasedAt: date(releasedAt),
            };
          }),
          skipDuplicates: true,
        })
      ).count;
      // A database seeded before specs existed gets the seed's specs where its tool has none and staff never edited it.
      for (const seedTool of seedData.tools.filter((tool) => seedSpecs[tool.slug])) {
        await tx.tool.updateMany({ where: { slug: seedTool.slug, version: 1, specs: { equals: {} } }, data: { specs: storedSeedSpecs(seedTool) } });
      }
      const toolIds = new Map(
        (await tx.tool.findMany({ select: { id: true, slug: true } })).map((t) => [t.slug, t.id]),
      );

      created.reviewers = (
        await tx.reviewer.createMany({
          data: seedData.reviewers.map((reviewer, index) => ({ ...reviewer, position: index })),
          skipDuplicates: true,
        })
      ).count;
      const reviewerIds = new Map(
        (await tx.reviewer.findMany({ select: { id: true, slug: true } })).map((r) => [r.slug, r.id]),
      );

      const idOf = (map: Map<string, string>, slug: string, what: string) => {
        const id = map.get(slug);
        if (!id) throw new Error(`Seed: unknown ${what} ${slug}`);
        return id;
      };

      created.verdicts = (
        await tx.verdict.createMany({
          data: seedData.verdicts.map((verdict) => ({
            toolId: idOf(toolIds, verdict.tool, "tool"),
            reviewerId: idOf(reviewerIds, verdict.reviewer, "reviewer"),
            decision: verdict.decision,
            body: verdict.body,
            published: true,
            publishedAt: date(verdict.publishedAt),
            createdAt: date(verdict.publishedAt) ?? undefined,
            // Last revised when it was published: its age, and whether a re-review is due, count from then.
            updatedAt: date(verdict.publishedAt) ?? undefined,
          })),
          skipDuplicates: true,
        })
      ).count;
      // Every verdict's first state is its revision 1 (kept for the public history).
      const withoutHistory = await tx.verdict.findMany({
        where: { revisions: { none: {} } },
        select: { id: true, decision: true, body: true, published: true, createdAt: true },
      });
      created.verdictRevisions = (
        await tx.verdictRevision.createMany({
          data: withoutHistory.map((verdict) => ({
            verdictId: verdict.id,
            version: 1,
            decision: verdict.decision,
            body: verdict.body,
            published: verdict.published,
            reason: "First published",
            createdAt: verdict.createdAt,
          })),
          skipDuplicates: true,
        })
      ).count;

      created.comparisons = (
        await tx.comparison.createMany({
          data: seedData.comparisons.map((comparison) => ({
            slug: comparison.slug,
            toolAId: idOf(toolIds, comparison.toolA, "tool"),
            toolBId: idOf(toolIds, comparison.toolB, "tool"),
            headline: comparison.headline,
            intro: comparison.intro,
            pickA: comparison.picks?.a ?? null,
            pickB: comparison.picks?.b ?? null,
            status: "PUBLISHED" as const,
            publishedAt: date(comparison.publishedAt),
            createdAt: date(comparison.publishedAt) ?? undefined,
          })),
          skipDuplicates: true,
        })
      ).count;
      // A database seeded before the bottom line existed gets the seed's where staff never edited the comparison.
      for (const comparison of seedData.comparisons.filter((candidate) => candidate.picks)) {
        await tx.comparison.updateMany({
          where: { slug: comparison.slug, version: 1, pickA: null, pickB: null },
          data: { pickA: comparison.picks!.a, pickB: comparison.picks!.b },
        });
      }
    },
    { timeout: 30_000 },
  );
  // Counters for new tools; tools already in sync are left untouched.
  const { fixed } = await reconcileCounters(client, { fix: true });
  created.toolStats = fixed;
  created.sampleSnapshots = await seedSampleHistory(client);
  return { created };
}

/**
 * SAMPLE trend rows (prisma/seed-data/sample-history.ts), marked `sample`, for
 * the days before today, only for a listed tool that has no snapshot yet.
 */
async function seedSampleHistory(client: PrismaClient): Promise<number> {
  const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  let written = 0;
  for (const trend of sampleTrends) {
    const tool = await client.tool.findFirst({ where: { slug: trend.tool, archivedAt: null, snapshots: { none: {} } }, select: { id: true } });
    if (!tool) continue;
    const verdicts = await client.verdict.findMany({ where: { toolId: tool.id, published: true }, select: { decision: true, publishedAt: true } });
    const series = sampleSeries(trend);
    const rows = series.map((figures, index) => {
      const day = new Date(today.getTime() - (SAMPLE_DAYS - index) * 86_400_000);
      const published = verdicts.filter((verdict) => verdict.publishedAt && verdict.publishedAt <= day);
      return {
        toolId: tool.id,
        day,
        panelShip: published.filter((verdict) => verdict.decision === "SHIP").length,
        panelTotal: published.length,
        ...figures,
        sample: true,
      };
    });
    written += (await client.toolSnapshot.createMany({ data: rows, skipDuplicates: true })).count;
  }
  return written;
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("✖ DATABASE_URL is not set: `npm start` seeds the embedded database by itself.");
    process.exit(1);
  }
  const client = createPrismaClient(url, { poolSize: 2 });
  try {
    const { created } = await seed(client);
    const parts = Object.entries(created).filter(([, count]) => count > 0);
    console.log(
      parts.length ? `Seeded ${parts.map(([name, count]) => `${count} ${name}`).join(", ")}.` : "Seed data already present.",
    );
  } finally {
    await client.$disconnect();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await main();
}
