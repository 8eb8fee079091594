import { randomInt } from "node:crypto";
import type { WorkerEvents } from "graphile-worker";
import pg from "pg";
import { log } from "@/lib/observability/log";

// No `server-only`: the runner (lib/jobs/runner.ts) is started by server.ts and scripts/worker.ts.

/**
 * Handing back the jobs of a node that died mid-job (docs/decisions/035).
 *
 * graphile-worker locks a job to the worker running it and, if that worker's
 * process is killed (SIGKILL, OOM, a lost machine), leaves it locked for four
 * hours before another worker may take it: a sign-in link would arrive the
 * next morning. PostgreSQL already knows which processes are alive: a session
 * advisory lock lasts exactly as long as the connection that took it. So each
 * node holds one (`pg_advisory_lock(JOB_NODE_LOCK_CLASS, nodeKey)`) on a
 * connection of its own for as long as its workers run, and records its
 * workers' ids against its key (`JobWorker`). Any node, on start and once a
 * minute, looks for recorded workers whose node holds no lock and calls the
 * queue's own `force_unlock_workers` for them; their jobs run again at once,
 * on whichever node is alive.
 *
 * A job killed mid-send may have reached the mail server before the kill: it
 * is sent again (at least once, as every queue promises; the message keeps its
 * Message-ID so a client can tell). One killed before the server accepted it
 * is sent once.
 */

/** The first key of every node's advisory lock: a constant of this app ("SoS!"). */
export const JOB_NODE_LOCK_CLASS = 0x536f5321;
/** How often a node looks for crashed nodes' jobs. */
export const SWEEP_INTERVAL_MS = 60_000;

export type NodeLock = {
  /** This node's key (the lock's second key). */
  nodeKey: number;
  /** Records the ids graphile-worker locks jobs with (a worker pool's), as it creates them, against this node's key. */
  recordWorkers: (events: WorkerEvents) => void;
  /** Unlocks the jobs of workers whose node is gone; answers their ids. */
  sweep: () => Promise<string[]>;
  /** Resolves when the lock's connection is lost (the node must then stop its workers: others will take its jobs). */
  lost: Promise<Error>;
  /** Forgets this node's workers and ends the connection (which releases the lock). */
  release: () => Promise<void>;
};

/** Takes a fresh node key's advisory lock on a connection of its own, for as long as this node's workers run. */
export async function takeNodeLock(connectionString: string): Promise<NodeLock> {
  const client = new pg.Client({ connectionString, application_name: "ship-or-skip job node" });
  let onLost: (error: Error) => void = () => undefined;
  const lost = new Promise<Error>((resolve) => (onLost = resolve));
  let released = false;
  client.on("error", (error) => {
    if (!released) onLost(error);
  });
  client.on("end", () => {
    if (!released) onLost(new Error("the job node's lock connection ended"));
  });
  await client.connect();

  let nodeKey = 0;
  try {
    // A key another live node holds is refused; draw again (2^31 keys: a clash is rare).
    for (let tries = 0; tries < 10 && !nodeKey; tries++) {
      const key = randomInt(1, 2 ** 31 - 1);
      const { rows } = await client.query<{ taken: boolean }>("SELECT pg_try_advisory_lock($1::int4, $2::int4) AS taken", [JOB_NODE_LOCK_CLASS, key]);
      if (rows[0]?.taken) nodeKey = key;
    }
    if (!nodeKey) throw new Error("no free job node key after 10 tries");
  } catch (error) {
    released = true;
    await client.end().catch(() => undefined);
    throw error;
  }

  const record = (workerId: string) =>
    client
      .query(`INSERT INTO "JobWorker" ("workerId", "nodeKey") VALUES ($1, $2) ON CONFLICT ("workerId") DO UPDATE SET "nodeKey" = EXCLUDED."nodeKey"`, [workerId, nodeKey])
      .catch((error: unknown) => log().error({ err: error, worker: workerId }, "could not record a job worker's node"));

  return {
    nodeKey,
    recordWorkers(events) {
      // graphile-worker 0.17 locks a job with its worker pool's id (`locked_by`), not a single worker's.
      events.on("pool:create", ({ workerPool }) => void record(workerPool.id));
    },
    async sweep() {
      // The dead nodes' workers are forgotten and unlocked in one transaction: of two nodes sweeping
      // at once, the second waits on the first's delete and then finds nothing left.
      await client.query("BEGIN");
      try {
        const { rows } = await client.query<{ workerId: string }>(
          `DELETE FROM "JobWorker" w
            WHERE NOT EXISTS (
              SELECT 1 FROM pg_locks l
               WHERE l.locktype = 'advisory' AND l.granted
                 AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                 AND l.classid = $1::int4::oid AND l.objid = w."nodeKey"::oid AND l.objsubid = 2)
           RETURNING w."workerId"`,
          [JOB_NODE_LOCK_CLASS],
        );
        const ids = rows.map((row) => row.workerId);
        if (ids.length) await client.query("SELECT graphile_worker.force_unlock_workers($1::text[])", [ids]);
        await client.query("COMMIT");
        if (ids.length) log().warn({ workers: ids }, `handed back the jobs of ${ids.length} worker(s) whose node is gone`);
        return ids;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      }
    },
    lost,
    async release() {
      if (released) return;
      released = true;
      await client.query(`DELETE FROM "JobWorker" WHERE "nodeKey" = $1`, [nodeKey]).catch(() => undefined);
      await client.end().catch(() => undefined);
    },
  };
}
