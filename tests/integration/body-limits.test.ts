import { describe, expect, it, vi } from "vitest";
import { POST as newsletter } from "@/app/api/newsletter/route";
import { POST as oneClick } from "@/app/api/newsletter/unsubscribe/route";

// Subscribing sends its email from `after()`: not under test here.
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: () => undefined }));

/**
 * A body is capped however it arrives: the front gate refuses an announced
 * Content-Length above the route's cap (lib/http/gate.test.ts); a chunked
 * body, which announces none, is counted as it streams in and refused with
 * 413 in the error shape once it passes the cap — never read whole.
 */
function chunked(bytes: number, chunk = 512): ReadableStream<Uint8Array> {
  let sent = 0;
  let pulls = 0;
  return new ReadableStream({
    pull(controller) {
      pulls++;
      if (sent >= bytes) return controller.close();
      const size = Math.min(chunk, bytes - sent);
      sent += size;
      controller.enqueue(new TextEncoder().encode(" ".repeat(size)));
    },
    cancel() {
      (chunked as unknown as { cancelledAfter?: number }).cancelledAfter = pulls;
    },
  });
}

const post = (url: string, body: ReadableStream<Uint8Array>, type: string) =>
  new Request(url, { method: "POST", body, headers: { "content-type": type }, duplex: "half" } as RequestInit);

describe("request bodies are capped before they are parsed", () => {
  it("a chunked JSON body past the newsletter's 2 KB is refused with 413 after reading just past the cap", async () => {
    const response = await newsletter(post("http://localhost/api/newsletter", chunked(10 * 1024 * 1024), "application/json"));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: { code: "payload_too_large", message: expect.stringContaining("2 KB") } });
    // It stopped reading after about 2 KB of a 10 MB body.
    expect((chunked as unknown as { cancelledAfter: number }).cancelledAfter).toBeLessThan(10);
  });

  it("a chunked one-click unsubscribe body past its cap is refused the same way", async () => {
    const response = await oneClick(post("http://localhost/api/newsletter/unsubscribe?token=abc", chunked(64 * 1024), "application/x-www-form-urlencoded"));
    expect(response.status).toBe(413);
  });

  it("a body within the cap is read as before", async () => {
    const response = await newsletter(
      new Request("http://localhost/api/newsletter", { method: "POST", body: '{"email":"not an address"}', headers: { "content-type": "application/json" } }),
    );
    expect(response.status).toBe(400);
  });
});
