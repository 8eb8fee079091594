/**
 * Decodes an OTLP/HTTP JSON trace export (ExportTraceServiceRequest,
 * https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding) into flat
 * spans, for the specs that run their own collector.
 */

type AnyValue = {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: number | string;
  doubleValue?: number;
  arrayValue?: { values?: AnyValue[] };
  kvlistValue?: { values?: KeyValue[] };
  bytesValue?: string;
};
type KeyValue = { key: string; value?: AnyValue };
type Scalar = string | number | boolean | null | Scalar[];

export type ReceivedSpan = {
  traceId: string;
  spanId: string;
  /** "" for a trace's root span. */
  parentSpanId: string;
  name: string;
  kind: "unspecified" | "internal" | "server" | "client" | "producer" | "consumer";
  attributes: Record<string, Scalar>;
  status: { code: number; message?: string };
  resource: Record<string, Scalar>;
  scope: string;
};

const KINDS = ["unspecified", "internal", "server", "client", "producer", "consumer"] as const;

function scalar(value: AnyValue | undefined): Scalar {
  if (!value) return null;
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.boolValue !== undefined) return value.boolValue;
  // int64 is a string in OTLP/JSON (a number is accepted too).
  if (value.intValue !== undefined) return Number(value.intValue);
  if (value.doubleValue !== undefined) return value.doubleValue;
  if (value.arrayValue) return (value.arrayValue.values ?? []).map(scalar);
  if (value.bytesValue !== undefined) return value.bytesValue;
  return null;
}

const attributesOf = (list: KeyValue[] | undefined) => Object.fromEntries((list ?? []).map(({ key, value }) => [key, scalar(value)]));

/** Trace and span ids are hex in OTLP/JSON; base64 (protobuf's JSON mapping) is read too. */
const hexId = (id: string | undefined, bytes: number) => {
  if (!id) return "";
  if (new RegExp(`^[0-9a-f]{${bytes * 2}}$`, "i").test(id)) return id.toLowerCase();
  return Buffer.from(id, "base64").toString("hex");
};

type ExportTraceServiceRequest = {
  resourceSpans?: {
    resource?: { attributes?: KeyValue[] };
    scopeSpans?: {
      scope?: { name?: string };
      spans?: { traceId?: string; spanId?: string; parentSpanId?: string; name?: string; kind?: number; attributes?: KeyValue[]; status?: { code?: number; message?: string } }[];
    }[];
  }[];
};

export function decodeOtlpJson(body: ExportTraceServiceRequest): ReceivedSpan[] {
  return (body.resourceSpans ?? []).flatMap((resourceSpans) => {
    const resource = attributesOf(resourceSpans.resource?.attributes);
    return (resourceSpans.scopeSpans ?? []).flatMap((scopeSpans) =>
      (scopeSpans.spans ?? []).map((span) => ({
        traceId: hexId(span.traceId, 16),
        spanId: hexId(span.spanId, 8),
        parentSpanId: hexId(span.parentSpanId, 8),
        name: span.name ?? "",
        kind: KINDS[span.kind ?? 0] ?? "unspecified",
        attributes: attributesOf(span.attributes),
        status: { code: span.status?.code ?? 0, message: span.status?.message },
        resource,
        scope: scopeSpans.scope?.name ?? "",
      })),
    );
  });
}

/**
 * A collector of the tests' own: OTLP/HTTP's trace endpoint (POST /v1/traces,
 * JSON bodies, or protobuf ones with `protobuf`) on a free port of 127.0.0.1,
 * keeping what it receives. An export that is not that (another path, the
 * other encoding, a missing `header`) is answered 400 and listed in `refused`.
 */
export async function startCollector(options: { header?: [string, string]; protobuf?: boolean } = {}) {
  const { createServer } = await import("node:http");
  const received = { spans: [] as ReceivedSpan[], bodies: [] as string[], protobufBodies: [] as Buffer[], refused: [] as string[] };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const raw = Buffer.concat(chunks);
      const body = raw.toString("utf8");
      const [name, value] = options.header ?? [];
      const type = options.protobuf ? /^application\/x-protobuf/ : /^application\/json/;
      const expected = request.method === "POST" && request.url === "/v1/traces" && type.test(String(request.headers["content-type"]));
      if (!expected || (name && request.headers[name] !== value)) {
        received.refused.push(`${request.method} ${request.url} ${request.headers["content-type"]}`);
        response.writeHead(400).end();
        return;
      }
      if (options.protobuf) {
        // Kept undecoded: its strings (names, attribute keys and values) are in it as UTF-8.
        received.protobufBodies.push(raw);
        response.writeHead(200, { "content-type": "application/x-protobuf" }).end();
        return;
      }
      received.bodies.push(body);
      received.spans.push(...decodeOtlpJson(JSON.parse(body) as ExportTraceServiceRequest));
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { ...received, url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
