import type { IncomingMessage, ServerResponse } from "node:http";
import { bodyLimit } from "@/lib/http/body-limits";
import { secureAnswer } from "@/lib/http/secure";
import { markPersonalWrite } from "@/lib/users/viewer";
import { deleteVote, putVote } from "./api";

/**
 * The front gate's vote (server.ts, docs/decisions/046): PUT and DELETE
 * /api/tools/:slug/vote are answered here, by the same code the route handler
 * runs (lib/votes/api.ts), without Next's request pipeline — the proxy, the
 * route's request objects and their async work cost more of the server's thread
 * than the vote itself.
 *
 * Only addresses that need no decoding are taken (a slug of letters, digits, "-"
 * and "_", any query); anything else, and every other method, goes to Next as
 * before, so Next's own parsing stays the one answer for what is odd.
 */
const VOTE_TARGET = /^\/api\/tools\/([A-Za-z0-9_-]{1,200})\/vote(?:\?[^#]*)?$/;

/** Answers a vote when the request is one the gate takes: true when answered, false to leave it to Next. */
export async function answerVote(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  const method = request.method;
  if (method !== "PUT" && method !== "DELETE") return false;
  const slug = VOTE_TARGET.exec(request.url ?? "")?.[1];
  if (!slug) return false;
  const web = toWebRequest(request);
  if (!web) return false;
  const answer = method === "PUT" ? await putVote(web, slug) : await deleteVote(web, slug);
  // A body the handler never read (a refusal before it): stop listening; the lingering close deals with the rest.
  if (web.body && !web.body.locked) await web.body.cancel().catch(() => undefined);
  secureAnswer(response, { hashes: [] });
  markPersonalWrite(request, response);
  await send(answer, response);
  return true;
}

/** The request as the route handler would get it, its body streamed from Node's (or null when its Host or a header cannot make one: Next answers that). */
function toWebRequest(request: IncomingMessage): Request | null {
  let url: URL;
  try {
    url = new URL(request.url ?? "/", `http://${request.headers.host ?? "localhost"}`);
  } catch {
    return null;
  }
  // The headers as the gate's earlier steps left them (forwarding headers dropped unless trusted, the sealed peer,
  // the request id), as Next reads them too: never the raw ones the client sent.
  const headers = new Headers();
  try {
    for (const [name, value] of Object.entries(request.headers)) {
      if (value === undefined) continue;
      for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
    }
  } catch {
    return null;
  }
  const body = request.method === "PUT" ? bodyStream(request, bodyLimit(url.pathname)) : null;
  return new Request(url, { method: request.method, headers, body, duplex: "half" } as RequestInit);
}

/**
 * Node's request body as a web stream (lib/http/json.ts reads it and caps it). Read as it arrives, not at the
 * handler's pace: a browser that sends its vote and navigates away at once (the widget shows the vote before the
 * answer) closes the connection, and a body still waiting in Node's buffer would be lost with it; Next's own
 * pipeline reads the body whole first too. Held up to the route's cap plus one chunk (the chunk that crosses it is
 * what lets the reader answer 413); past that the gate stops listening, and its lingering close (lib/http/gate.ts)
 * drains or cuts the rest after the answer, so the client still sending gets the answer, not a reset.
 */
function bodyStream(request: IncomingMessage, cap: number): ReadableStream<Uint8Array> {
  type Listener = Parameters<IncomingMessage["on"]>[1];
  const listeners: [string, Listener][] = [];
  const stop = () => {
    for (const [event, listener] of listeners) request.off(event, listener);
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      // Gone before the gate took it: nothing more will come.
      if (request.destroyed) return controller.error(new Error("aborted"));
      let held = 0;
      const on = (event: string, listener: Listener) => {
        listeners.push([event, listener]);
        request.on(event, listener);
      };
      on("data", (chunk: Buffer) => {
        held += chunk.byteLength;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if (held > cap) {
          stop();
          request.pause();
          controller.close();
        }
      });
      on("end", () => {
        stop();
        controller.close();
      });
      // The client went away mid-body: the reader's read fails (lib/http/json.ts answers body_incomplete).
      const cut = () => {
        if (request.complete) return;
        stop();
        controller.error(new Error("aborted"));
      };
      on("error", cut);
      on("close", cut);
    },
    cancel() {
      stop();
      request.pause();
    },
  });
}

/** Writes a web Response on Node's (headers already set on it, the gate's, stay unless the answer sets the same). */
async function send(answer: Response, response: ServerResponse): Promise<void> {
  const body = Buffer.from(await answer.arrayBuffer());
  const headers: Record<string, string | string[]> = {};
  answer.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = answer.headers.getSetCookie();
  if (cookies.length > 0) response.appendHeader("Set-Cookie", cookies);
  headers["content-length"] = String(body.byteLength);
  response.writeHead(answer.status, headers);
  response.end(body);
}
