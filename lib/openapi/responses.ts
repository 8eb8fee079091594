import { z } from "zod";
import { toolScoresResponse } from "@/lib/tools/schema";

/**
 * Answers of the JSON API that had no schema of their own (the tool and
 * comparison answers live beside their queries). The OpenAPI document
 * (lib/openapi/document.ts) is generated from these and the request schemas
 * the handlers parse with; tests/integration/openapi.test.ts calls every
 * operation and checks each answer against the document.
 */

const decision = z.enum(["ship", "skip"]);

/** The one error shape of the API. */
export const apiErrorResponse = z
  .object({
    error: z.object({
      code: z.string().meta({ description: "Machine-readable, e.g. `not_found`, `invalid_request`, `rate_limited`, `unauthenticated`." }),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: "Error" });

export const voteResponse = z
  .object({
    data: z.object({
      tool: z.string().meta({ description: "The tool's slug." }),
      vote: decision.nullable().meta({ description: "The reader's vote after the change; null once withdrawn." }),
      pending: z.boolean().meta({ description: "True while the vote waits for a new account to age (not counted yet)." }),
      reason: z.object({ id: z.string(), text: z.string() }).nullable().meta({ description: "The reason given with the vote, if any." }),
      scores: toolScoresResponse,
    }),
  })
  .meta({ id: "VoteResult" });

export const ownVoteResponse = z.object({ data: z.object({ vote: decision.nullable(), reason: z.string().nullable() }) }).meta({ id: "OwnVote" });

export const publicReason = z
  .object({
    id: z.string(),
    decision,
    text: z.string(),
    helpful: z.number().int().nonnegative(),
    createdAt: z.iso.datetime(),
    author: z.object({ name: z.string() }),
  })
  .meta({ id: "Reason" });

export const reasonListResponse = z.object({ data: z.array(publicReason), nextCursor: z.string().nullable() }).meta({ id: "ReasonPage" });

export const helpfulResponse = z.object({ data: z.object({ id: z.string(), helpful: z.number().int().nonnegative(), marked: z.boolean() }) });

export const reportResponse = z.object({ data: z.object({ id: z.string(), reported: z.literal(true) }) });

export const historyResponse = z
  .object({
    data: z.array(
      z.object({
        day: z.iso.date(),
        panelShip: z.number().int(),
        panelTotal: z.number().int(),
        communityShip: z.number().int(),
        communityTotal: z.number().int(),
        sample: z.boolean().meta({ description: "True for the seed's sample days, never for measured ones." }),
      }),
    ),
  })
  .meta({ id: "ToolHistory" });

export const subscribeAcceptedResponse = z.object({ status: z.literal("pending"), message: z.string() });

export const unsubscribedResponse = z.object({ status: z.literal("unsubscribed") });

export const accountDeletedResponse = z.object({
  data: z.object({ deleted: z.literal(true), votesWithdrawn: z.number().int().nonnegative(), tools: z.array(z.string()), newsletter: z.enum(["removed", "kept", "none"]) }),
});

export const readinessResponse = z.object({
  status: z.enum(["ok", "shutting-down", "unavailable"]),
  database: z.unknown(),
  listener: z.unknown(),
});

export const livenessResponse = z.object({ status: z.literal("ok"), uptime: z.number().int().nonnegative() });
