import { NextResponse } from "next/server";
import { requireRequestUser } from "@/lib/auth/session";
import { handle, notFound } from "@/lib/http/errors";
import { getOwnVote } from "@/lib/reasons/queries";
import { toolSlugSchema } from "@/lib/tools/schema";
import { deleteVote, putVote } from "@/lib/votes/api";

/**
 * PUT /api/tools/:slug/vote — cast or change; DELETE — withdraw (lib/votes/api.ts, which the front
 * gate runs too: docs/decisions/046).
 * GET /api/tools/:slug/vote — the reader's own vote and reason: { data: { vote, reason } }.
 */

type Context = RouteContext<"/api/tools/[slug]/vote">;

export const PUT = async (request: Request, context: Context) => putVote(request, (await context.params).slug);

export const DELETE = async (request: Request, context: Context) => deleteVote(request, (await context.params).slug);

export const GET = handle(async (request: Request, context: Context) => {
  const user = await requireRequestUser(request);
  const { slug } = await context.params;
  if (!toolSlugSchema.safeParse(slug).success) throw notFound(`Tool "${slug}"`);
  const own = await getOwnVote(user.id, slug);
  return NextResponse.json(
    { data: { vote: own?.vote ?? null, reason: own?.reason ?? null } },
    { headers: { "Cache-Control": "private, no-store", Vary: "Cookie" } },
  );
});
