import { afterAll } from "vitest";
import { createTestDatabase } from "./databases";

// Each integration test file runs against its own fresh, seeded database.
// lib/db reads DATABASE_URL on first use, which comes after this.
const database = await createTestDatabase("seeded");
process.env.DATABASE_URL = database.url;

afterAll(async () => {
  const { closeDb } = await import("@/lib/db");
  await closeDb();
  await database.drop();
});
