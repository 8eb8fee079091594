import { PEER_HEADER, sealPeer } from "@/lib/http/peer";

/**
 * The header this node's HTTP server stamps on a request from `address`
 * (lib/http/peer.ts), for tests that call route handlers and server actions
 * directly: as if the request had come over a socket from that address.
 */
export function fromPeer(address: string): Record<string, string> {
  return { [PEER_HEADER]: sealPeer(address) };
}
