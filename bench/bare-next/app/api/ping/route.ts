/** A trivial route handler, run on every request: the ceiling for an API call. */
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ ok: true });
}
