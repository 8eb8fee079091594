import { describe, expect, it } from "vitest";
import { DatabaseSetupError, parseDatabaseUrl } from "@/scripts/db/connection";
import { readdir } from "node:fs/promises";
import { applyMigrations, migrationsDir } from "@/scripts/db/migrations";
import { startEmbeddedPostgres } from "@/scripts/db/embedded";
import { openDatabase } from "@/scripts/db/setup";
import net from "node:net";
import { freePort } from "@/scripts/lib/next";
import { createTestDatabase } from "../helpers/databases";

describe("database start-up", () => {
  it("applying migrations to a migrated database applies nothing", async () => {
    expect(await applyMigrations(process.env.DATABASE_URL!)).toEqual([]);
  });

  it("migrates an empty database once, recording it in Prisma's own table", async () => {
    const database = await createTestDatabase("empty");
    try {
      // The empty template is already migrated: drop the schema to start from nothing.
      const pg = await import("pg");
      const client = new pg.default.Client(parseDatabaseUrl(database.url));
      await client.connect();
      await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
      await client.end();
      const applied = await applyMigrations(database.url);
      const folders = (await readdir(migrationsDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
      expect(folders[0]).toMatch(/^\d{14}_init$/);
      expect(applied).toEqual(folders);
      expect(await applyMigrations(database.url)).toEqual([]);
    } finally {
      await database.drop();
    }
  });

  it("explains an unreachable server in one line", async () => {
    const port = await freePort();
    const attempt = openDatabase({
      databaseUrl: `postgresql://postgres@127.0.0.1:${port}/nothing`,
      embedded: { dataDir: "unused", port: 1, database: "unused" },
    });
    await expect(attempt).rejects.toBeInstanceOf(DatabaseSetupError);
    await expect(attempt).rejects.toThrow(/^Cannot reach PostgreSQL at 127\.0\.0\.1:\d+ \(connection refused\)\. .*DATABASE_URL/);
  });

  it("says which port is taken when the embedded server cannot listen", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const attempt = startEmbeddedPostgres({ dataDir: ".data/never-created", port, database: "x" });
      await expect(attempt).rejects.toThrow(new RegExp(`^Port ${port} for the embedded PostgreSQL is taken by another program\\. Set EMBEDDED_PG_PORT`));
    } finally {
      blocker.close();
    }
  });

  it("rejects a DATABASE_URL that is not a postgres URL", () => {
    expect(() => parseDatabaseUrl("mysql://localhost/db")).toThrow(DatabaseSetupError);
    expect(() => parseDatabaseUrl("not a url")).toThrow(/not a valid URL/);
  });
});
