import { describe, expect, it } from "vitest";
import { ApiError, isDatabaseUnavailable } from "./errors";
import { readBodyText } from "./json";

describe("reading a request body", () => {
  it("a client that goes away mid-body is a 400 of its own, never taken for the database being away", async () => {
    const aborted = Object.assign(new Error("aborted"), { code: "ECONNRESET" });
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"decision":'));
        controller.error(aborted);
      },
    });
    const request = new Request("http://localhost/api/tools/x/vote", { method: "PUT", body, duplex: "half" } as RequestInit);
    const error = await readBodyText(request, 1024).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: "body_incomplete" });
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("reads a whole body, and refuses one past the limit with 413", async () => {
    const request = (text: string) => new Request("http://localhost/", { method: "POST", body: text });
    expect(await readBodyText(request('{"a":1}'), 1024)).toBe('{"a":1}');
    await expect(readBodyText(request("x".repeat(2048)), 1024)).rejects.toMatchObject({ status: 413, code: "payload_too_large" });
  });
});
