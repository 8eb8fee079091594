import pg from "pg";

/**
 * Connection helpers shared by the start-up script, the migration runner and
 * the test harness. No Prisma here: these run before the schema exists.
 */

export type PgConfig = {
  host: string;
  port: number;
  user: string;
  password: string | undefined;
  database: string;
};

export function parseDatabaseUrl(url: string): PgConfig {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseSetupError(
      `DATABASE_URL is not a valid URL. Expected postgresql://user:password@host:5432/database.`,
    );
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) {
    throw new DatabaseSetupError(
      `DATABASE_URL must start with postgresql:// (got ${parsed.protocol}//).`,
    );
  }
  return {
    host: decodeURIComponent(parsed.hostname) || "localhost",
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username) || "postgres",
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    database: decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "postgres",
  };
}

export function formatDatabaseUrl(config: PgConfig): string {
  const auth =
    encodeURIComponent(config.user) +
    (config.password ? `:${encodeURIComponent(config.password)}` : "");
  return `postgresql://${auth}@${config.host}:${config.port}/${encodeURIComponent(config.database)}`;
}

/** The same server, another database. */
export function withDatabase(url: string, database: string): string {
  return formatDatabaseUrl({ ...parseDatabaseUrl(url), database });
}

/** An error whose message is one line telling the user what to do. */
export class DatabaseSetupError extends Error {
  override name = "DatabaseSetupError";
}

function describe(config: PgConfig) {
  return `${config.host}:${config.port}`;
}

/** Runs `fn` with a client connected to the server's maintenance database. */
export async function withAdminClient<T>(
  url: string,
  fn: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const config = parseDatabaseUrl(url);
  const client = new pg.Client({
    ...config,
    database: "postgres",
    connectionTimeoutMillis: 5000,
  });
  try {
    await client.connect();
  } catch (error) {
    throw explainConnectError(error, config);
  }
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function explainConnectError(error: unknown, config: PgConfig): DatabaseSetupError {
  const code = (error as { code?: string }).code;
  const where = describe(config);
  switch (code) {
    case "ECONNREFUSED":
      return new DatabaseSetupError(
        `Cannot reach PostgreSQL at ${where} (connection refused). Start the server, fix DATABASE_URL, or unset DATABASE_URL to use the embedded database.`,
      );
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return new DatabaseSetupError(
        `Cannot resolve the PostgreSQL host "${config.host}". Fix DATABASE_URL, or unset it to use the embedded database.`,
      );
    case "28P01":
    case "28000":
      return new DatabaseSetupError(
        `PostgreSQL at ${where} refused user "${config.user}" (authentication failed). Fix the user and password in DATABASE_URL.`,
      );
    default: {
      const message = error instanceof Error ? error.message : String(error);
      if (/timeout/i.test(message)) {
        return new DatabaseSetupError(
          `PostgreSQL at ${where} did not answer within 5 s. Check that it is running and reachable, or unset DATABASE_URL to use the embedded database.`,
        );
      }
      return new DatabaseSetupError(`Cannot connect to PostgreSQL at ${where}: ${message}`);
    }
  }
}

/** Creates the database named in `url` when it does not exist yet. Returns true if it created it. */
export async function ensureDatabase(url: string): Promise<boolean> {
  const { database } = parseDatabaseUrl(url);
  return withAdminClient(url, async (client) => {
    const existing = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (existing.rowCount) return false;
    try {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
    } catch (error) {
      // Another process created it between our check and our CREATE.
      if ((error as { code?: string }).code === "42P04") return false;
      throw error;
    }
    return true;
  });
}
