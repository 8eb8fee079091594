import { describe, expect, it } from "vitest";
import { pagePattern, refuseMalformedAction, type ActionManifest } from "./server-actions";

const ID = "7fd1ed30059d6fec5d62f52b6a46849e044c3a8dd0";
const actions: ActionManifest = new Map([[ID, [pagePattern("app/(site)/page"), pagePattern("app/(site)/tools/[slug]/page")]]]);
const ORIGIN = "http://localhost:3000";
// As browsers make them: a one-letter boundary trips undici's parser on some bodies.
const BOUNDARY = "----WebKitFormBoundary7MA4YWxkTrZu0gW";

function post(path: string, body: BodyInit, headers: Record<string, string>) {
  const request = new Request(`${ORIGIN}${path}`, { method: "POST", body, headers: { origin: ORIGIN, ...headers } });
  return Object.assign(request, { nextUrl: new URL(request.url) });
}
const action = (body: string, type = "text/plain;charset=UTF-8", path = "/", extra: Record<string, string> = {}) => post(path, body, { "next-action": ID, "content-type": type, ...extra });
const multipart = (fields: [string, string][], extra: Record<string, string> = {}, path = "/") =>
  post(
    path,
    fields.map(([name, value]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("") + `--${BOUNDARY}--\r\n`,
    { "content-type": `multipart/form-data; boundary=${BOUNDARY}`, ...extra },
  );

describe("server action requests are checked before Next decodes them", () => {
  it("maps a page of the build to the URLs it answers", () => {
    expect(pagePattern("app/(site)/page").test("/")).toBe(true);
    expect(pagePattern("app/(site)/tools/[slug]/page").test("/tools/cursor")).toBe(true);
    expect(pagePattern("app/(site)/tools/[slug]/page").test("/tools/cursor/history/x")).toBe(false);
    expect(pagePattern("app/admin/verdicts/[id]/page").test("/admin/verdicts/abc")).toBe(true);
  });

  it("lets through what this site's pages send: a JSON list of plain arguments, a FormData with its entries, a form posted without JavaScript", async () => {
    expect(await refuseMalformedAction(action('["cursor","ship"]'), actions)).toBeNull();
    expect(await refuseMalformedAction(action('["cursor",null,"$undefined","$$literal","$D2025-01-01T00:00:00.000Z","$n12"]', undefined, "/tools/cursor"), actions)).toBeNull();
    const form = multipart([["_1_email", "a@example.test"], ["_1_$ACTION_REF_1", ""], ["0", '[{"status":"idle"},"$K1"]']], { "next-action": ID, origin: ORIGIN });
    expect(await refuseMalformedAction(form, actions)).toBeNull();
    const noJs = multipart([["$ACTION_REF_1", ""], ["$ACTION_1:0", JSON.stringify({ id: ID, bound: "$@1" })], ["$ACTION_1:1", '[{"status":"idle"}]'], ["email", "a@example.test"]]);
    expect(await refuseMalformedAction(noJs, actions)).toBeNull();
    expect(await refuseMalformedAction(multipart([[`$ACTION_ID_${ID}`, ""], ["id", "x"]]), actions)).toBeNull();
  });

  it("refuses, with a 400 in the site's shape, what Next's decoder would answer with a 500", async () => {
    for (const body of ["garbage", "{}", '"text"', '["$K1"]', '["$@1"]', '["$h1"]', '["$Q1"]', '["$T"]', '["$n' + "9".repeat(400) + '"]', `[${"[".repeat(100)}${"]".repeat(100)}]`, JSON.stringify(Array(1001).fill(1)), '[{"__proto__":{}}]']) {
      expect(await refuseMalformedAction(action(body), actions), body.slice(0, 40)).toMatchObject({ status: 400, code: "bad_request" });
    }
    expect(await refuseMalformedAction(post("/", "x", { "next-action": ID, "content-type": "multipart/form-data" }), actions)).toMatchObject({ status: 400 });
    expect(await refuseMalformedAction(multipart([["0", "not json"]], { "next-action": ID }), actions)).toMatchObject({ status: 400 });
    expect(await refuseMalformedAction(multipart([["0", '["$K1"]'], ["_2_x", "y"]], { "next-action": ID }), actions)).toMatchObject({ status: 400 });
    expect(await refuseMalformedAction(multipart([["email", "a@example.test"]]), actions)).toMatchObject({ status: 400 });
    expect(await refuseMalformedAction(multipart([["$ACTION_REF_1", ""], ["$ACTION_1:0", "garbage"]]), actions)).toMatchObject({ status: 400 });
    expect(await refuseMalformedAction(action("[]", "application/json"), actions)).toMatchObject({ status: 415 });
  });

  it("answers an action this page does not serve with the 404 Next's client router reloads on", async () => {
    for (const request of [action("[]", undefined, "/reviewers"), post("/", "[]", { "next-action": "0000", "content-type": "text/plain" }), post("/", "[]", { "next-action": "%ff", "content-type": "text/plain" }), multipart([["$ACTION_ID_abc123", ""]])]) {
      expect(await refuseMalformedAction(request, actions)).toMatchObject({ status: 404, headers: { "x-nextjs-action-not-found": "1" } });
    }
  });

  it("refuses an action without the Origin a browser always sends", async () => {
    const request = post("/", "[]", { "next-action": ID, "content-type": "text/plain" });
    request.headers.delete("origin");
    expect(await refuseMalformedAction(Object.assign(new Request(request.url, { method: "POST", body: "[]", headers: { "next-action": ID, "content-type": "text/plain" } }), { nextUrl: request.nextUrl }), actions)).toMatchObject({ status: 403 });
  });

  it("leaves other requests alone: reads, the API, a urlencoded post that names no action", async () => {
    const get = Object.assign(new Request(`${ORIGIN}/`), { nextUrl: new URL(`${ORIGIN}/`) });
    expect(await refuseMalformedAction(get, actions)).toBeNull();
    expect(await refuseMalformedAction(post("/api/newsletter", "{}", { "content-type": "application/json" }), actions)).toBeNull();
    expect(await refuseMalformedAction(post("/tools", "q=x", { "content-type": "application/x-www-form-urlencoded" }), actions)).toBeNull();
  });
});
