import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { comparisonDetailResponse, comparisonSlugSchema } from "@/lib/comparisons/schema";
import { followResponse } from "@/lib/follows/schema";
import { duplicateResponse, suggestionResponse, suggestToolBodySchema } from "@/lib/suggestions/schema";
import { unfollowLinkSchema } from "@/lib/follows/tokens";
import { liveQuerySchema } from "@/lib/live/schema";
import { subscribeBodySchema, newsletterTokenSchema } from "@/lib/newsletter/schema";
import { reasonIdSchema, reasonListQuerySchema, reportBodySchema } from "@/lib/reasons/schema";
import { toolDetailResponse, toolListQuerySchema, toolListResponse, toolSlugSchema } from "@/lib/tools/schema";
import { toolHistoryQuerySchema } from "@/lib/trends/schema";
import { deleteAccountBodySchema, userExportSchema, viewerSchema } from "@/lib/users/schema";
import { voteBodySchema } from "@/lib/votes/schema";
import {
  accountDeletedResponse,
  apiErrorResponse,
  helpfulResponse,
  historyResponse,
  livenessResponse,
  ownVoteResponse,
  readinessResponse,
  reasonListResponse,
  reportResponse,
  subscribeAcceptedResponse,
  unsubscribedResponse,
  voteResponse,
} from "./responses";

/**
 * The JSON API's contract, OpenAPI 3.1, generated from the zod schemas the
 * handlers parse requests with and the response schemas they answer with
 * (docs/decisions/036-openapi-from-zod.md). Served at /api/openapi.json;
 * tests/integration/openapi.test.ts calls every operation and validates each
 * answer against this document, and fails when a route handler has no operation.
 */

const json = (schema: z.ZodType, description: string) => ({ description, content: { "application/json": { schema } } });
const error = (description: string) => json(apiErrorResponse, description);

/** What every signed-in write can answer besides its own refusals. */
const writeErrors = {
  "400": error("The body is not valid JSON for this operation (`invalid_request`, with `issues`)."),
  "401": error("Not signed in (`unauthenticated`)."),
  "403": error("A cross-site request (`cross_site`), or not allowed for this reader."),
  "413": error("The body is too large."),
  "415": error("Not `application/json`."),
  "429": error("Too many requests (`rate_limited`); `Retry-After` says when to try again."),
} as const;

const slugPath = z.object({ slug: toolSlugSchema.meta({ description: "A tool's slug, e.g. `claude-4-sonnet`." }) });
const reasonPath = z.object({ id: reasonIdSchema });

const voteOperation = (summary: string, body: boolean): ZodOpenApiOperationObject => ({
  operationId: body ? "castVote" : "withdrawVote",
  summary,
  tags: ["Community"],
  security: [{ session: [] }],
  requestParams: { path: slugPath },
  ...(body ? { requestBody: { required: true, content: { "application/json": { schema: voteBodySchema } } } } : {}),
  responses: {
    "200": json(voteResponse, "The reader's vote and the tool's figures after it."),
    ...writeErrors,
    "404": error("No listed tool with this slug."),
  },
});

const followOperation = (following: boolean): ZodOpenApiOperationObject => ({
  operationId: following ? "followTool" : "unfollowTool",
  summary: following ? "Follow a tool: a daily email when something on it changed (idempotent)" : "Stop following a tool (idempotent)",
  tags: ["Community"],
  security: [{ session: [] }],
  requestParams: { path: slugPath },
  responses: {
    "200": json(followResponse, "Whether the reader follows the tool now."),
    "401": writeErrors["401"],
    "403": writeErrors["403"],
    "404": error(following ? "No listed tool with this slug (an archived tool cannot be followed)." : "No tool with this slug."),
    ...(following ? { "409": error(`The reader already follows the most tools one reader can (\`too_many_follows\`).`) } : {}),
    "429": writeErrors["429"],
  },
});

const paths: ZodOpenApiPathsObject = {
  "/api/tools": {
    get: {
      operationId: "listTools",
      summary: "Search and list the listed tools",
      tags: ["Catalogue"],
      requestParams: { query: toolListQuerySchema },
      responses: { "200": json(toolListResponse, "One page of tools."), "400": error("A query parameter is not valid.") },
    },
  },
  "/api/tools/{slug}": {
    get: {
      operationId: "getTool",
      summary: "A tool with its pricing, specs, published verdicts and comparisons",
      tags: ["Catalogue"],
      requestParams: { path: slugPath },
      responses: { "200": json(z.object({ data: toolDetailResponse }), "The tool."), "404": error("No tool with this slug.") },
    },
  },
  "/api/tools/{slug}/history": {
    get: {
      operationId: "getToolHistory",
      summary: "A tool's daily figures",
      tags: ["Catalogue"],
      requestParams: { path: slugPath, query: toolHistoryQuerySchema },
      responses: {
        "200": json(historyResponse, "One row per day, oldest first."),
        "400": error("`days` is not valid."),
        "404": error("No listed tool with this slug."),
      },
    },
  },
  "/api/tools/{slug}/reasons": {
    get: {
      operationId: "listReasons",
      summary: "Readers' reasons for their votes on a tool, keyset-paginated",
      tags: ["Community"],
      requestParams: { path: slugPath, query: reasonListQuerySchema },
      responses: {
        "200": json(reasonListResponse, "One page; `nextCursor` fetches the next."),
        "400": error("A query parameter is not valid."),
        "404": error("No listed tool with this slug."),
      },
    },
  },
  "/api/tools/{slug}/badge.svg": {
    get: {
      operationId: "getToolBadge",
      summary: "An embeddable SVG badge with the tool's panel and community figures",
      tags: ["Catalogue"],
      requestParams: { path: slugPath },
      responses: {
        "200": { description: "The badge.", content: { "image/svg+xml": { schema: z.string() } } },
        "404": { description: "No listed tool with this slug (an SVG saying so).", content: { "image/svg+xml": { schema: z.string() } } },
      },
    },
  },
  "/api/tools/{slug}/vote": {
    get: {
      operationId: "getOwnVote",
      summary: "The signed-in reader's own vote and reason on a tool",
      tags: ["Community"],
      security: [{ session: [] }],
      requestParams: { path: slugPath },
      responses: {
        "200": json(ownVoteResponse, "The reader's vote (null: none)."),
        "401": error("Not signed in."),
        "404": error("No listed tool with this slug."),
      },
    },
    put: voteOperation("Cast or change the reader's vote (and reason)", true),
    delete: voteOperation("Withdraw the reader's vote and its reason", false),
  },
  "/api/tools/{slug}/follow": {
    put: followOperation(true),
    delete: followOperation(false),
  },
  "/api/reasons/{id}/helpful": {
    put: {
      operationId: "markHelpful",
      summary: "Mark a reason helpful (not your own)",
      tags: ["Community"],
      security: [{ session: [] }],
      requestParams: { path: reasonPath },
      responses: { "200": json(helpfulResponse, "The reason's helpful count and whether the reader marked it."), ...writeErrors, "404": error("No such reason.") },
    },
    delete: {
      operationId: "unmarkHelpful",
      summary: "Take a helpful mark back",
      tags: ["Community"],
      security: [{ session: [] }],
      requestParams: { path: reasonPath },
      responses: { "200": json(helpfulResponse, "The reason's helpful count and whether the reader marked it."), ...writeErrors, "404": error("No such reason.") },
    },
  },
  "/api/reasons/{id}/report": {
    post: {
      operationId: "reportReason",
      summary: "Report a reason to the moderators",
      tags: ["Community"],
      security: [{ session: [] }],
      requestParams: { path: reasonPath },
      requestBody: { required: true, content: { "application/json": { schema: reportBodySchema } } },
      responses: { "201": json(reportResponse, "Reported."), ...writeErrors, "404": error("No such reason.") },
    },
  },
  "/api/suggestions": {
    post: {
      operationId: "suggestTool",
      summary: "Suggest a tool the catalogue lacks (the editors triage it)",
      description:
        "Checked against every tool and every waiting suggestion first — the same website page, the same name, or a close one. The reader sees its status on /account and gets an email when it changes.",
      tags: ["Community"],
      security: [{ session: [] }],
      requestBody: { required: true, content: { "application/json": { schema: suggestToolBodySchema } } },
      responses: {
        "201": json(suggestionResponse, "Received: it waits in the editors' queue."),
        ...writeErrors,
        "409": json(duplicateResponse, "A duplicate (`duplicate`): `error.match` is the listed tool (with its page), or a suggestion already waiting."),
        "422": error("No category has this slug (`unknown_category`)."),
      },
    },
  },
  "/api/comparisons/{slug}": {
    get: {
      operationId: "getComparison",
      summary: "Any two listed tools side by side",
      tags: ["Catalogue"],
      requestParams: { path: z.object({ slug: comparisonSlugSchema.meta({ description: "`<tool-a>-vs-<tool-b>`." }) }) },
      responses: {
        "200": json(z.object({ data: comparisonDetailResponse }), "The comparison."),
        "308": { description: "The pair's canonical slug is another (the other order, or the curated one): `Location` says where." },
        "400": error("A tool against itself (`same_tool`), or a malformed slug."),
        "404": error("An unknown or archived tool, named in the message."),
      },
    },
  },
  "/api/live": {
    get: {
      operationId: "streamFigures",
      summary: "Server-Sent Events: a `stats` event per tool now and on every change",
      tags: ["Catalogue"],
      requestParams: { query: liveQuerySchema },
      responses: {
        "200": { description: "An event stream.", content: { "text/event-stream": { schema: z.string() } } },
        "400": error("`tools` is missing or not valid."),
        "404": error("None of these tools is listed."),
        "429": error("Too many open streams from this client."),
        "503": error("This node holds as many streams as it may."),
      },
    },
  },
  "/api/me": {
    get: {
      operationId: "getViewer",
      summary: "What a page shows that is the reader's own: their name, staff flag, votes and follows",
      tags: ["Account"],
      responses: { "200": json(z.object({ data: viewerSchema }), "The reader (`user` null when signed out).") },
    },
  },
  "/api/account": {
    delete: {
      operationId: "deleteAccount",
      summary: "Delete the signed-in reader's account, withdrawing their votes",
      tags: ["Account"],
      security: [{ session: [] }],
      requestBody: { required: true, content: { "application/json": { schema: deleteAccountBodySchema } } },
      responses: { "200": json(accountDeletedResponse, "Deleted; the session cookie is cleared."), ...writeErrors },
    },
  },
  "/api/account/export": {
    get: {
      operationId: "exportAccount",
      summary: "Everything stored about the signed-in reader, as JSON",
      tags: ["Account"],
      security: [{ session: [] }],
      responses: { "200": json(userExportSchema, "The export (a download)."), "401": error("Not signed in.") },
    },
  },
  "/api/newsletter": {
    post: {
      operationId: "subscribe",
      summary: "Subscribe an address to the weekly newsletter (double opt-in)",
      tags: ["Newsletter"],
      requestBody: { required: true, content: { "application/json": { schema: subscribeBodySchema } } },
      responses: {
        "202": json(subscribeAcceptedResponse, "The same answer whatever the address's state: a confirmation email is on its way."),
        "400": error("Not a valid address."),
        "403": error("A cross-site request."),
        "413": error("The body is too large."),
        "415": error("Not `application/json`."),
        "429": error("Too many requests."),
      },
    },
  },
  "/api/newsletter/unsubscribe": {
    post: {
      operationId: "oneClickUnsubscribe",
      summary: "RFC 8058 one-click unsubscribe (the digest's List-Unsubscribe header)",
      tags: ["Newsletter"],
      requestParams: { query: z.object({ token: newsletterTokenSchema }) },
      requestBody: { content: { "application/x-www-form-urlencoded": { schema: z.object({ "List-Unsubscribe": z.literal("One-Click") }) } } },
      responses: { "200": json(unsubscribedResponse, "Unsubscribed."), "400": error("Not a one-click request."), "404": error("An unknown, used or expired token.") },
    },
  },
  "/api/follows/unfollow": {
    post: {
      operationId: "oneClickUnfollowAll",
      summary: "RFC 8058 one-click: unfollow every tool (the follow digest's List-Unsubscribe header)",
      tags: ["Community"],
      requestParams: { query: unfollowLinkSchema.omit({ tool: true }) },
      requestBody: { content: { "application/x-www-form-urlencoded": { schema: z.object({ "List-Unsubscribe": z.literal("One-Click") }) } } },
      responses: {
        "200": json(followResponse, "Every follow removed."),
        "400": error("Not a one-click request."),
        "404": error("Not a valid unfollow link."),
      },
    },
  },
  "/api/admin/newsletter/subscribers.csv": {
    get: {
      operationId: "exportSubscribers",
      summary: "Confirmed subscribers as CSV (staff)",
      tags: ["Admin"],
      security: [{ session: [] }],
      responses: {
        "200": { description: "CSV.", content: { "text/csv": { schema: z.string() } } },
        "401": error("Not signed in."),
        "403": error("Not staff."),
      },
    },
  },
  "/api/health": {
    get: {
      operationId: "readiness",
      summary: "Readiness: the database answers and this node hears its own notifications",
      tags: ["Operations"],
      responses: { "200": json(readinessResponse, "Ready."), "503": json(readinessResponse, "Not ready; `Retry-After` set.") },
    },
  },
  "/api/health/live": {
    get: {
      operationId: "liveness",
      summary: "Liveness: the process answers",
      tags: ["Operations"],
      responses: { "200": json(livenessResponse, "Alive.") },
    },
  },
  "/api/openapi.json": {
    get: {
      operationId: "openapi",
      summary: "This document",
      tags: ["Operations"],
      responses: { "200": { description: "OpenAPI 3.1.", content: { "application/json": { schema: z.object({ openapi: z.string() }).loose() } } } },
    },
  },
};

/**
 * Route handlers deliberately left out of the document: Auth.js's own
 * endpoints (its protocol, not this API), the bench's baseline (off unless
 * BENCH_TOKEN is set) and the reference page's viewer script.
 */
export const UNDOCUMENTED_ROUTES = ["/api/auth/[...nextauth]", "/api/bench/vote-baseline", "/api/docs/rapidoc.js"] as const;

let document: ReturnType<typeof createDocument> | undefined;

export function openApiDocument() {
  document ??= createDocument({
    openapi: "3.1.0",
    info: {
      title: "Ship or Skip API",
      version: "1",
      description:
        "Read the catalogue, the panel's verdicts and the community's votes; signed-in readers vote, give reasons and mark them helpful. Writes need the session cookie and a same-origin request. Every error answers `{ error: { code, message, issues? } }`.",
    },
    components: {
      securitySchemes: { session: { type: "apiKey", in: "cookie", name: "authjs.session-token", description: "The session cookie of a signed-in reader (`__Secure-authjs.session-token` over HTTPS)." } },
    },
    paths,
  });
  return document;
}
