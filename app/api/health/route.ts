import { NextResponse } from "next/server";
import { checkReadiness } from "@/lib/health/queries";

export const dynamic = "force-dynamic";

/**
 * GET /api/health — readiness: 200 when this node can serve (the database
 * answers and the live listener hears its own NOTIFY), else 503 so a load
 * balancer routes around it. GET /api/health/live is liveness only.
 */
export async function GET() {
  const { ok, shuttingDown, database, listener } = await checkReadiness();
  return NextResponse.json(
    { status: ok ? "ok" : shuttingDown ? "shutting-down" : "unavailable", database, listener },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store", ...(ok ? {} : { "Retry-After": "2" }) } },
  );
}
