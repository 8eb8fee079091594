import path from "node:path";
import { DatabaseSetupError, ensureDatabase } from "./connection";
import { startEmbeddedPostgres } from "./embedded";
import { applyMigrations } from "./migrations";

/**
 * One way to get a migrated database, shared by `npm start`, `npm run dev`,
 * `npm test` and `npm run bench`: the server in DATABASE_URL when it is set,
 * otherwise an embedded PostgreSQL under `.data/`.
 */

export type DatabaseHandle = {
  url: string;
  /** Maintenance-database URL of the same server (for creating test databases). */
  adminUrl: string;
  embedded: boolean;
  applied: string[];
  stop: () => Promise<void>;
};

export async function openDatabase(options: {
  databaseUrl?: string;
  embedded: { dataDir: string; port: number; database: string; ephemeral?: boolean };
  migrate?: boolean;
}): Promise<DatabaseHandle> {
  let handle: Omit<DatabaseHandle, "applied">;
  if (options.databaseUrl) {
    await ensureDatabase(options.databaseUrl);
    const adminUrl = new URL(options.databaseUrl);
    adminUrl.pathname = "/postgres";
    handle = { url: options.databaseUrl, adminUrl: adminUrl.toString(), embedded: false, stop: async () => {} };
  } else {
    const embedded = await startEmbeddedPostgres({
      ...options.embedded,
      dataDir: path.resolve(options.embedded.dataDir),
    });
    handle = { ...embedded, embedded: true };
  }
  try {
    const applied = options.migrate === false ? [] : await applyMigrations(handle.url);
    return { ...handle, applied };
  } catch (error) {
    await handle.stop().catch(() => undefined);
    throw error;
  }
}

export function embeddedPort(value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1024 || port > 65535) {
    throw new DatabaseSetupError(`EMBEDDED_PG_PORT must be a port number between 1024 and 65535 (got "${value}").`);
  }
  return port;
}
