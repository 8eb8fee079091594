/** Runs once when a server starts: on SIGTERM the Node server ends its live streams and closes its LISTEN connection, so it can stop. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Every request from now on carries its TCP peer, for per-IP limits (lib/http/peer.ts) —
    // unless the front gate (server.ts) stamps them already, as it does under `npm start` and `npm run dev`.
    if (!(globalThis as Record<symbol, unknown>)[Symbol.for("ship-or-skip.gate")]) (await import("@/lib/http/peer")).stampPeerAddresses();
    const { registerShutdown } = await import("@/lib/health/shutdown");
    registerShutdown();
  }
}
