import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { clientAddress } from "./forwarded";
import { PEER_HEADER, peerAddress, sealPeer, stampPeerAddresses } from "./peer";

/** Node's request headers as the Headers a route handler gets (what Next's adapter does). */
function toHeaders(incoming: IncomingHttpHeaders): Headers {
  const result = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    if (Array.isArray(value)) for (const item of value) result.append(name, item);
    else if (value !== undefined) result.set(name, value);
  }
  return result;
}

describe("the peer stamp", () => {
  it("a real HTTP server stamps its socket's address over whatever the client sent, and the app reads it back", async () => {
    stampPeerAddresses();
    stampPeerAddresses(); // idempotent: one subscription
    const seen: { address: string; stamps: number }[] = [];
    const server = createServer((request, response) => {
      const headers = toHeaders(request.headers);
      seen.push({ address: clientAddress(headers, 0), stamps: headers.get(PEER_HEADER)!.split(",").length });
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const attempts: Record<string, string>[] = [
        { "x-forwarded-for": "203.0.113.66" },
        { "x-forwarded-for": "203.0.113.67", "x-real-ip": "203.0.113.68" },
        { [PEER_HEADER]: sealPeer("203.0.113.69") }, // even a stamp with this process's seal is replaced
        { [PEER_HEADER]: "forged 203.0.113.70" },
      ];
      for (const forged of attempts) {
        const response = await fetch(`http://127.0.0.1:${port}/`, { headers: forged });
        await response.arrayBuffer();
      }
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    expect(seen).toHaveLength(4);
    for (const { address, stamps } of seen) {
      expect(address).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
      expect(stamps).toBe(1);
    }
  });

  it("reads only this process's seal", () => {
    expect(peerAddress(new Headers({ [PEER_HEADER]: sealPeer("192.0.2.1") }))).toBe("192.0.2.1");
    expect(peerAddress(new Headers({ [PEER_HEADER]: `${sealPeer("192.0.2.1").split(" ")[0]!.slice(1)}x 192.0.2.1` }))).toBeNull();
    expect(peerAddress(new Headers({ [PEER_HEADER]: " 192.0.2.1" }))).toBeNull();
    expect(peerAddress(new Headers())).toBeNull();
  });
});
