import { randomBytes, timingSafeEqual } from "node:crypto";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

/**
 * The TCP peer of a request, as the app's code can read it.
 *
 * What Next 16 gives (node_modules/next/dist/server/base-server.js, handleRequestImpl):
 *   req.headers['x-forwarded-for'] ??= originalRequest.socket.remoteAddress
 * — the socket's address only when the request has no X-Forwarded-For, never
 * appended, never overwritten. A client that sends its own X-Forwarded-For
 * therefore hides its address from the proxy, route handlers and server
 * actions, which only ever see headers (NextRequest has had no `ip` since 15).
 *
 * So this node's HTTP server stamps every request with its socket's address
 * before Next sees it, through Node's `http.server.request.start` diagnostics
 * channel (published just before the server's "request" event), overwriting
 * whatever a client sent under the same name. The stamp carries a random seal
 * made once per process: a request that reached the server before the
 * subscription (the first moments after start, before instrumentation.ts has
 * run) carries no stamp, or the client's own, and its seal does not match —
 * it has no known peer, never a client-chosen one.
 */

export const PEER_HEADER = "x-ship-or-skip-peer";

type PeerState = { seal: string; subscribed: boolean };

// One per process, shared by every bundle that imports this module (instrumentation, routes, actions).
const KEY = Symbol.for("ship-or-skip.peer");
const globalForPeer = globalThis as unknown as Record<typeof KEY, PeerState | undefined>;

function state(): PeerState {
  globalForPeer[KEY] ??= { seal: randomBytes(24).toString("base64url"), subscribed: false };
  return globalForPeer[KEY];
}

/** The header value this process stamps for a peer address. */
export function sealPeer(address: string): string {
  return `${state().seal} ${address}`;
}

/** The stamped peer address, or null when the request carries no stamp of this process. */
export function peerAddress(headers: Headers): string | null {
  const value = headers.get(PEER_HEADER);
  if (!value) return null;
  const space = value.indexOf(" ");
  if (space <= 0) return null;
  const seal = Buffer.from(value.slice(0, space));
  const expected = Buffer.from(state().seal);
  if (seal.length !== expected.length || !timingSafeEqual(seal, expected)) return null;
  const address = value.slice(space + 1).trim();
  return address || null;
}

/** Stamps every request this process's HTTP servers receive from now on. Called once, from instrumentation.ts. */
export function stampPeerAddresses(): void {
  const current = state();
  if (current.subscribed) return;
  current.subscribed = true;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[PEER_HEADER] = sealPeer(socket.remoteAddress ?? "");
  });
}
