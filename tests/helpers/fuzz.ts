import fc from "fast-check";
import { expect } from "vitest";
import { z } from "zod";
import type { PrismaClient } from "@/lib/db/client";

/**
 * Shared pieces of the property-based "bad input never breaks anything" tests
 * (tests/integration/fuzz-handlers.test.ts and fuzz-actions.test.ts):
 * generators of hostile input, the check of the API's standard JSON error,
 * and a fingerprint of the database to prove that refused input wrote nothing.
 *
 * FUZZ_SEED=<n> replays a run (fast-check prints the seed of a failing one); with CI set
 * and no FUZZ_SEED, the seed is fixed so CI runs the same inputs every time;
 * FUZZ_SCALE=<x> multiplies every test's number of runs (e.g. 5 for a long soak).
 */

export function fuzzParameters<T>(numRuns: number): fc.Parameters<T> {
  return {
    numRuns: Math.max(1, Math.round(numRuns * Number(process.env.FUZZ_SCALE ?? 1))),
    // CI replays one fixed set of inputs (a red build is then reproducible); elsewhere every run explores new ones.
    ...(process.env.FUZZ_SEED || process.env.CI ? { seed: Number(process.env.FUZZ_SEED ?? 20261125) } : {}),
    // A failing input is shrunk to a small one, then reported with its seed (huge strings cut short in the report).
    reporter: (details) => {
      if (!details.failed) return;
      const message = (fc.defaultReportMessage(details) ?? "Property failed").replace(/(.{600})(.{400,})/g, (_, head: string, rest: string) => `${head}…[${rest.length} more characters]`);
      throw new Error(message, { cause: details.errorInstance });
    },
  };
}

/** A value as text for an assertion message, whatever it is (null-prototype objects, symbols, huge strings). */
export const show = (value: unknown, max = 300) => {
  const text = fc.stringify(value);
  return text.length > max ? `${text.slice(0, max)}…[${text.length - max} more characters]` : text;
};

// ---------------------------------------------------------------- strings

/** Strings a form or a JSON field should never choke on. */
export const SPECIAL_STRINGS = [
  "",
  " ",
  "\t\n\r ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "\udfff",
  "x\ud83dy",
  "\u202eevil\u202c",
  "\u200b",
  "\ufeff",
  "مرحبا بالعالم",
  "שלום",
  "😀👍🏽👨‍👩‍👧‍👦🏳️‍🌈",
  "𝕤𝕙𝕚𝕡",
  "ｓｈｉｐ",
  "ＳＨＩＰ",
  "Z̸̢͎̈́a̶̪͝l̷̦̓g̶̱̈o̵̟͘",
  "null",
  "undefined",
  "NaN",
  "Infinity",
  "-Infinity",
  "-1",
  "0",
  "1e309",
  "9007199254740993",
  "0x1f",
  "true",
  "[]",
  "{}",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "<script>alert(1)</script>",
  "\"><img src=x onerror=alert(1)>",
  "' OR 1=1 --",
  "'; DROP TABLE \"Tool\"; --",
  "%",
  "%00",
  "%zz",
  "%2e%2e%2f",
  "../../../../etc/passwd",
  "..\\..\\windows\\win.ini",
  "${jndi:ldap://x}",
  "{{7*7}}",
  "\\",
  "\\u0000",
  "ship",
  "skip",
  "SHIP",
  "on",
  "USER",
  "STAFF",
  "ADMIN",
  "DRAFT",
  "PUBLISHED",
  "One-Click",
  "List-Unsubscribe=One-Click",
  "a@b",
  "@",
  "user@example.test",
  "USER@EXAMPLE.TEST",
  "user@@example.test",
  "user@example..test",
  "user@exa mple.test",
  "\"quoted\"@example.test",
  "user+tag@example.test",
  "用户@例子.测试",
  "user@example.test\u0000",
  "https://example.com",
  "javascript:alert(1)",
  "//evil.example",
  "/\\evil.example",
] as const;

/** 10,000 to 100,000 characters of a repeated short pattern (any unicode, NULs and lone surrogates included). */
export const hugeString = fc
  .tuple(fc.oneof(fc.string({ unit: "binary", minLength: 1, maxLength: 3 }), fc.constantFrom("a", "\u0000", "\ud800", "😀", "é", " ", "-")), fc.integer({ min: 10_000, max: 100_000 }))
  .map(([pattern, length]) => pattern.repeat(Math.ceil(length / pattern.length)).slice(0, length));

/** Any text: unicode (binary code points, graphemes, RTL, emoji, NULs, lone surrogates), specials and, rarely, huge. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...SPECIAL_STRINGS), weight: 4 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }), weight: 2 },
  { arbitrary: fc.string({ unit: "binary-ascii", maxLength: 60 }), weight: 2 },
  { arbitrary: fc.string({ maxLength: 300 }), weight: 1 },
  { arbitrary: hugeString, weight: 1 },
);

/** Non-JSON JavaScript values a server action may be called with directly. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: nastyString, weight: 4 },
  {
    arbitrary: fc.constantFrom<unknown>(null, undefined, 0, -0, -1, NaN, Infinity, 1e308, 2 ** 53 + 1, true, false, 10n, Symbol("fuzz"), new Date(NaN), [], {}, () => "ship"),
    weight: 2,
  },
  { arbitrary: fc.anything({ maxDepth: 2, maxKeys: 4, withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true }), weight: 2 },
);

/** Wrong JSON types: numbers, booleans, null, arrays, nested objects, prototype keys. */
export const wrongJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  nastyString,
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  fc.dictionary(nastyString, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }),
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom<unknown>({ __proto__: { decision: "ship" } }, JSON.parse('{"__proto__":{"email":"a@example.test"}}'), { constructor: { prototype: { admin: true } } }),
);

/** Request bodies that are not JSON, or not quite. */
export const malformedJsonText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "",
    "{",
    "}",
    "[",
    "nul",
    "undefined",
    "NaN",
    "{'decision':'ship'}",
    '{"decision":"ship",}',
    '{"decision":"ship"',
    '{decision:"ship"}',
    '{"email":"a@example.test"}}',
    '{"email":"a@example.test"} trailing',
    "\u0000",
    '{"decision":"\u0000"}',
    '{"a":1,"a":2',
    "[".repeat(5000),
    '{"a":'.repeat(5000),
    "1".repeat(400),
    "--boundary\r\nContent-Disposition: form-data; name=\"decision\"\r\n\r\nship\r\n--boundary--",
    "decision=ship",
    "email=a%40example.test",
    "<xml>ship</xml>",
  ),
  fc.json({ maxDepth: 3 }).chain((json) => fc.integer({ min: 0, max: Math.max(0, json.length - 1) }).map((end) => json.slice(0, end))),
  nastyString,
);

/** Content-Type headers, right, wrong, odd or missing (undefined). */
export const contentType: fc.Arbitrary<string | undefined> = fc.constantFrom(
  undefined,
  "application/json",
  "application/json; charset=utf-8",
  "APPLICATION/JSON",
  "application/json-patch+json",
  "application/jsonx",
  "application/ld+json",
  "text/json",
  "text/plain",
  "text/plain; charset=utf-8",
  "text/html",
  "application/xml",
  "application/x-www-form-urlencoded",
  "multipart/form-data",
  "multipart/form-data; boundary=boundary",
  "application/octet-stream",
  "image/svg+xml",
  "",
  ";",
  "application/json; charset=utf-16",
  "*/*",
);

/** Header values must be Latin-1 without NUL, CR or LF: anything else is refused by fetch before any server sees it. */
export function headerSafe(value: string): string {
  return [...value].filter((char) => char.codePointAt(0)! <= 0xff && !/[\u0000\r\n]/.test(char)).join("").slice(0, 8000);
}

// ---------------------------------------------------------------- slugs and query strings

const HOMOGLYPHS: Record<string, string> = { a: "а", c: "с", e: "е", o: "о", p: "р", x: "х", i: "і", s: "ѕ" };

/** Path tricks built around a real slug: case, traversal, encodings, NULs, whitespace, look-alikes, length. */
export function slugTrick(realSlugs: readonly string[]): fc.Arbitrary<string> {
  const real = fc.constantFrom(...realSlugs);
  const mutated = fc
    .tuple(
      real,
      fc.constantFrom(
        (s: string) => s.toUpperCase(),
        (s: string) => s[0]!.toUpperCase() + s.slice(1),
        (s: string) => `../${s}`,
        (s: string) => `${s}/..`,
        (s: string) => `..%2f${s}`,
        (s: string) => `%2e%2e/${s}`,
        (s: string) => `${s}%00`,
        (s: string) => `${s}\u0000`,
        (s: string) => `${s}\u0000.svg`,
        (s: string) => ` ${s}`,
        (s: string) => `${s} `,
        (s: string) => `${s}\n`,
        (s: string) => `${s}\t`,
        (s: string) => s.replace("-", "--"),
        (s: string) => s.replace("-", "_"),
        (s: string) => `-${s}`,
        (s: string) => `${s}-`,
        (s: string) => `${s}-vs-${s}`,
        (s: string) => `${s}-vs-`,
        (s: string) => `-vs-${s}`,
        (s: string) => `${s}-vs-${s}-vs-${s}`,
        (s: string) => [...s].map((char) => HOMOGLYPHS[char] ?? char).join(""),
        (s: string) => `${s}\u200b`,
        (s: string) => encodeURIComponent(s).replace(/-/g, "%2D"),
        (s: string) => `${s}/`,
        (s: string) => `${s}?x=1`,
        (s: string) => `${s}#frag`,
        (s: string) => `${s};`,
        (s: string) => `${s}.json`,
        (s: string) => s.repeat(10),
        (s: string) => `${s}${"-a".repeat(40)}`,
        (s: string) => s.normalize("NFD"),
        (s: string) => `${s}\ud800`,
      ),
    )
    .map(([slug, mutate]) => mutate(slug));
  return fc.oneof(
    { arbitrary: mutated, weight: 6 },
    {
      arbitrary: fc.constantFrom(
        "",
        ".",
        "..",
        "../",
        "..%2f..%2fetc%2fpasswd",
        "%2e%2e",
        "%2e%2e%2f%2e%2e%2f",
        "....//",
        "/",
        "//",
        "\\",
        "%00",
        "\u0000",
        "-vs-",
        "a-vs-b",
        "a-vs-b-vs-c",
        "a".repeat(80),
        "a".repeat(81),
        "a".repeat(171),
        "a".repeat(5000),
        "constructor",
        "__proto__",
        "toString",
        "null",
        "undefined",
        "0",
        "-1",
        "NaN",
      ),
      weight: 2,
    },
    { arbitrary: fc.stringMatching(/^[a-z0-9-]{1,90}$/), weight: 2 },
    { arbitrary: nastyString, weight: 2 },
    { arbitrary: real, weight: 1 },
  );
}

/** A path segment as a client would send it; the handler is given the decoded value. */
export const urlSegment = (value: string) => encodeURIComponent(value.toWellFormed());

/** Query-string junk: repeated keys, huge and negative numbers, odd encodings, unknown keys. */
export function queryString(keys: readonly string[], values: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const key = fc.oneof({ arbitrary: fc.constantFrom(...keys), weight: 5 }, { arbitrary: nastyString, weight: 1 }, { arbitrary: fc.constantFrom("", "__proto__", "PAGE", "page[]", "page%00"), weight: 1 });
  const number = fc.oneof(
    fc.integer().map(String),
    fc.constantFrom("0", "-1", "-0", "1.5", "1e3", "1e400", "9".repeat(400), "0x10", "010", " 1", "1 ", "+1", "Infinity", "NaN", "", "1,2", "½", "١"),
  );
  const value = fc.oneof(values, number);
  const pair = fc.oneof(
    { arbitrary: fc.tuple(key, value).map(([k, v]) => `${urlSegment(k)}=${urlSegment(v)}`), weight: 6 },
    { arbitrary: fc.tuple(key, value).map(([k, v]) => `${k}=${v}`.replace(/[#&]/g, "")), weight: 2 },
    { arbitrary: fc.constantFrom("%", "%zz", "=", "==", "&&", "a=b=c", "page", "page=", "=1", "%00=%00", "page=%ED%A0%80", "q=%FF%FE"), weight: 1 },
  );
  return fc.array(pair, { maxLength: 8 }).map((pairs) => pairs.join("&"));
}

// ---------------------------------------------------------------- responses

const ACCEPTABLE_4XX = new Set([400, 401, 403, 404, 405, 409, 413, 415, 422, 429]);

/** The API's one JSON error shape (lib/http/errors.ts), and nothing else. */
export const standardErrorBody = z.strictObject({
  error: z.strictObject({
    code: z.string().regex(/^[a-z_]+$/),
    message: z.string().min(1),
    issues: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional(),
  }),
});

export type FuzzTally = { requests: number; byStatus: Record<number, number>; serverErrors: number };
export const newTally = (): FuzzTally => ({ requests: 0, byStatus: {}, serverErrors: 0 });

export function record(tally: FuzzTally, status: number) {
  tally.requests++;
  tally.byStatus[status] = (tally.byStatus[status] ?? 0) + 1;
  if (status >= 500) tally.serverErrors++;
}

/** A refused request: an accepted 4xx status and, for the JSON API, the standard error body. */
export async function expectClientError(response: Response, options: { json?: boolean; what: string }) {
  expect(ACCEPTABLE_4XX.has(response.status), `${options.what}: status ${response.status}`).toBe(true);
  if (options.json === false) {
    await response.body?.cancel();
    return null;
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${options.what}: ${response.status} body is not JSON: ${text.slice(0, 200)}`);
  }
  const parsed = standardErrorBody.safeParse(body);
  expect(parsed.success, `${options.what}: ${response.status} body is not the standard error: ${text.slice(0, 300)}`).toBe(true);
  if (response.status === 429) expect(Number(response.headers.get("retry-after")), `${options.what}: 429 without Retry-After`).toBeGreaterThan(0);
  return parsed.data!;
}

// ---------------------------------------------------------------- database fingerprint

/** Every table of the schema but the rate-limit counters (fuzzing legitimately spends points there). */
export const ALL_TABLES = [
  "User",
  "Account",
  "Session",
  "VerificationToken",
  "Category",
  "Tool",
  "ToolStats",
  "Reviewer",
  "Verdict",
  "VerdictRevision",
  "Comparison",
  "Vote",
  "NewsletterSubscriber",
  "NewsletterToken",
  "Digest",
  "AuditLog",
  "Suggestion",
] as const;
export type TableName = (typeof ALL_TABLES)[number];

export type Fingerprint = Record<TableName, { count: number; md5: string }>;

/** Row count and an md5 of every row (in a stable order) of each table. */
export async function fingerprint(client: PrismaClient, options: { except?: Partial<Record<TableName, string[]>> } = {}): Promise<Fingerprint> {
  const result = {} as Fingerprint;
  for (const table of ALL_TABLES) {
    const except = options.except?.[table];
    const row = except?.length
      ? `(to_jsonb(t) - ARRAY[${except.map((column) => `'${column}'`).join(", ")}])::text`
      : "to_jsonb(t)::text";
    const [stats] = await client.$queryRawUnsafe<{ count: number; md5: string }[]>(
      `SELECT count(*)::int AS count, md5(coalesce(string_agg(${row}, E'\\n' ORDER BY ${row}), '')) AS md5 FROM "${table}" t`,
    );
    result[table] = stats!;
  }
  return result;
}

/** The tables whose fingerprint differs. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return ALL_TABLES.filter((table) => before[table].count !== after[table].count || before[table].md5 !== after[table].md5);
}

export const summarise = (byStatus: Record<number, number>) =>
  Object.entries(byStatus)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([status, count]) => `${status}×${count}`)
    .join(" ");
