import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { pingLive } from "@/lib/live/listener";

export const dynamic = "force-dynamic";

/**
 * GET /api/health — readiness: 200 when this node can serve (the database
 * answers and the live listener hears its own NOTIFY), else 503 so a load
 * balancer routes around it. GET /api/health/live is liveness only.
 */
export async function GET() {
  const started = performance.now();
  const database = await db.$queryRaw`SELECT 1`.then(
    () => ({ ok: true, ms: Math.round(performance.now() - started) }),
    () => ({ ok: false, ms: Math.round(performance.now() - started) }),
  );
  const listener = database.ok ? await pingLive() : { ok: false, ms: 0, listens: 0 };
  const ok = database.ok && listener.ok;
  return NextResponse.json(
    { status: ok ? "ok" : "unavailable", database, listener: { ok: listener.ok, ms: listener.ms, reconnects: Math.max(0, listener.listens - 1) } },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store", ...(ok ? {} : { "Retry-After": "2" }) } },
  );
}
