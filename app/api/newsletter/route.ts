import { NextResponse } from "next/server";
import { handle } from "@/lib/http/errors";
import { readJsonBody } from "@/lib/http/json";
import { assertSameOrigin } from "@/lib/http/origin";
import { subscribe } from "@/lib/newsletter/writes";
import { firstIssueMessage, subscribeBodySchema, SUBSCRIBE_ACCEPTED } from "@/lib/newsletter/schema";
import { clientIp } from "@/lib/rate-limit";

/**
 * POST /api/newsletter  { "email": "…", "website"?: "" }
 * Always 202 { status: "pending", message } once accepted — the same for a
 * new, pending, confirmed or unsubscribed address. `website` is a honeypot.
 */
export const POST = handle(async (request: Request) => {
  assertSameOrigin(request);
  const body = await readJsonBody(request, subscribeBodySchema, { what: "subscription", message: (error) => firstIssueMessage(error) });
  await subscribe(body.email, { ip: clientIp(request.headers), honeypot: body.website });
  return NextResponse.json(SUBSCRIBE_ACCEPTED, { status: 202 });
});
