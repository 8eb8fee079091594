import http from "node:http";
import type { AddressInfo } from "node:net";

export type GateStep = (request: http.IncomingMessage, response: http.ServerResponse) => Promise<boolean>;

/**
 * One of the front gate's steps (server.ts) alone, over HTTP on a free port:
 * what the step does not answer gets a 599 here, so a test sees that it left it to Next.
 */
export async function serveGateStep(step: GateStep): Promise<{ origin: string; port: number; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    void step(request, response).then((answered) => answered || response.writeHead(599).end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
