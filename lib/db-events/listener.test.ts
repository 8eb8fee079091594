import { connect, createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTimeout } from "./listener";

describe("withTimeout", () => {
  let server: Server;
  let port: number;
  const accepted: Socket[] = [];
  beforeAll(async () => {
    server = createServer((socket) => accepted.push(socket));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => (accepted.forEach((socket) => socket.destroy()), server.close(() => resolve()))));

  it("takes an answer that arrived in time but was still unread when the timer fired (a busy process is not a slow database)", async () => {
    const client = connect(port, "127.0.0.1");
    await new Promise<void>((resolve) => client.once("connect", resolve));
    while (accepted.length === 0) await new Promise((resolve) => setImmediate(resolve));
    const answer = new Promise<string>((resolve) => client.once("data", (data) => resolve(data.toString())));
    const result = withTimeout(answer, 50);
    // The answer is written now and waits in the client's socket while the process stays busy past the deadline.
    accepted[0]!.write("pong");
    const until = performance.now() + 250;
    while (performance.now() < until) {
      /* busy */
    }
    await expect(result).resolves.toBe("pong");
    client.destroy();
  });

  it("still times out when no answer comes", async () => {
    const started = performance.now();
    await expect(withTimeout(new Promise(() => {}), 50)).rejects.toThrow("timed out after 50 ms");
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
  });

  it("answers as soon as the promise settles", async () => {
    await expect(withTimeout(Promise.resolve(7), 1_000)).resolves.toBe(7);
    await expect(withTimeout(Promise.reject(new Error("refused")), 1_000)).rejects.toThrow("refused");
  });
});
