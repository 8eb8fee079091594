import { randomBytes } from "node:crypto";
import { parseDatabaseUrl, withAdminClient, withDatabase } from "@/scripts/db/connection";

/**
 * Test databases. `npm test` (scripts/test.ts) migrates two templates once per
 * run — TEST_TEMPLATE_EMPTY (schema only) and TEST_TEMPLATE_SEEDED (schema +
 * seed) — and every integration test file gets its own copy, so files never
 * see each other's writes. Every database this creates carries the run's
 * prefix, and only those are ever dropped.
 */

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run the tests through \`npm test\` (scripts/test.ts), which prepares the databases.`);
  }
  return value;
}

export async function createTestDatabase(kind: "empty" | "seeded" = "seeded"): Promise<TestDatabase> {
  return cloneDatabase(required(kind === "seeded" ? "TEST_TEMPLATE_SEEDED" : "TEST_TEMPLATE_EMPTY"));
}

/**
 * A copy of one of this run's test databases as it is now (say, a read replica
 * of it). Nothing may be connected to it while it is copied.
 */
export async function copyTestDatabase(url: string): Promise<TestDatabase> {
  const { database } = parseDatabaseUrl(url);
  if (!database.startsWith(`${required("TEST_DB_PREFIX")}_`)) throw new Error(`${database} is not one of this run's test databases`);
  return cloneDatabase(database);
}

type TestDatabase = { url: string; name: string; drop: () => Promise<void> };

async function cloneDatabase(template: string): Promise<TestDatabase> {
  const adminUrl = required("TEST_ADMIN_URL");
  const name = `${required("TEST_DB_PREFIX")}_${randomBytes(4).toString("hex")}`;
  await withAdminClient(adminUrl, (client) =>
    client.query(`CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE ${client.escapeIdentifier(template)}`),
  );
  return {
    url: withDatabase(adminUrl, name),
    name,
    drop: () =>
      withAdminClient(adminUrl, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
      }),
  };
}
