import { env } from "@/lib/env";
import { sameSecret } from "@/lib/http/secret";
import { setVote } from "@/lib/votes/writes";

/**
 * Benchmark baseline only (`npm run bench`): the same vote transaction as
 * PUT /api/tools/:slug/vote with no auth, validation or rate limit, so the
 * bench can measure what those layers cost. It exists only while the server
 * runs with BENCH_TOKEN set (the bench sets a random one for its own server
 * on a throwaway database) and answers 404 otherwise.
 */
function allowed(request: Request): boolean {
  return sameSecret(request.headers.get("x-bench-token"), env.BENCH_TOKEN);
}

export async function PUT(request: Request) {
  if (!allowed(request)) return new Response(null, { status: 404 });
  const { userId, slug, decision } = (await request.json()) as { userId: string; slug: string; decision: "ship" | "skip" };
  const result = await setVote(userId, slug, decision);
  return Response.json({ data: { tool: result.tool, vote: result.vote } });
}
