import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

/** GET /api/health/live — liveness: the process answers. Touches nothing else. */
export function GET() {
  return NextResponse.json({ status: "ok", uptime: Math.round(process.uptime()) }, { headers: { "Cache-Control": "no-store" } });
}
