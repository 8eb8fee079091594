import { afterAll } from "vitest";
import { createTestDatabase } from "./databases";

// Each integration test file runs against its own fresh, seeded database.
// lib/db reads DATABASE_URL on first use, which comes after this.
const database = await createTestDatabase("seeded");
process.env.DATABASE_URL = database.url;

afterAll(async () => {
  const global = globalThis as unknown as { __db?: { $disconnect(): Promise<void> } };
  await global.__db?.$disconnect();
  delete global.__db;
  await database.drop();
});
