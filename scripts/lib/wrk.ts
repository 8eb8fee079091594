import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/**
 * wrk (Debian's package `wrk`), a load generator written in C: where a server
 * answers faster than one Node process can ask (nginx serving its cache),
 * autocannon measures itself, not the server. `npm run bench` uses it, when it
 * is installed, for the two figures of that ratio (nginx's microcache and the
 * bare app's static page), so both sides are measured by the same client.
 */
export function wrkBinary(): string | undefined {
  return [process.env.WRK_PATH, "/usr/bin/wrk", "/usr/local/bin/wrk"].find((candidate): candidate is string => !!candidate && existsSync(candidate));
}

export type WrkFigure = { name: string; requests: number; rps: number; p50: number; p99: number; errors: number; non2xx: number };

const MS = { us: 0.001, ms: 1, s: 1000, m: 60_000 } as const;

/** "1.23ms" → 1.23 */
function toMs(text: string): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(text.trim());
  if (!match) throw new Error(`wrk printed a latency this does not read: ${text}`);
  return Math.round(Number(match[1]) * MS[match[2] as keyof typeof MS] * 100) / 100;
}

/** Parses wrk's report (with --latency). Exported for its test. */
export function parseWrk(output: string, name: string): WrkFigure {
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(output);
  const total = /(\d+) requests in/.exec(output);
  const p50 = /^\s+50%\s+(\S+)/m.exec(output);
  const p99 = /^\s+99%\s+(\S+)/m.exec(output);
  if (!rps || !total || !p50 || !p99) throw new Error(`wrk's report was not understood:\n${output}`);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(output);
  return {
    name,
    requests: Number(total[1]),
    rps: Math.round(Number(rps[1])),
    p50: toMs(p50[1]!),
    p99: toMs(p99[1]!),
    errors: socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
    non2xx: non2xx ? Number(non2xx[1]) : 0,
  };
}

/** A request wrk sends as it is (its Host header is wrk's own). */
export type WrkRequest = { method: string; path: string; headers: Record<string, string>; body?: string };

const lua = (text: string) => `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\r/g, "\\r").replace(/\n/g, "\\n")}"`;

/** A wrk script that sends `requests` in turn, over and over (each thread from the start). Exported for its test. */
export function wrkScript(requests: WrkRequest[]): string {
  if (requests.length === 0) throw new Error("no requests to send");
  const rows = requests.map((request) => {
    const headers = Object.entries(request.headers).map(([name, value]) => `[${lua(name)}] = ${lua(value)}`).join(", ");
    return `  { ${lua(request.method)}, ${lua(request.path)}, { ${headers} }${request.body === undefined ? "" : `, ${lua(request.body)}`} },`;
  });
  // Formatted in init(): wrk knows the Host header only from then on.
  return [
    "local raw = {",
    ...rows,
    "}",
    "local requests = {}",
    "local i = 0",
    "init = function(args)",
    "  for _, r in ipairs(raw) do requests[#requests + 1] = wrk.format(r[1], r[2], r[3], r[4]) end",
    "end",
    "request = function()",
    "  i = i % #requests + 1",
    "  return requests[i]",
    "end",
    "",
  ].join("\n");
}

/**
 * `requests` (sent in turn, over and over) or plain GETs of `url`'s path, for
 * `seconds` over `connections` connections on `threads` threads.
 */
export async function runWrk(
  url: string,
  name: string,
  options: { connections: number; seconds: number; threads?: number; headers?: Record<string, string>; requests?: WrkRequest[] },
): Promise<WrkFigure> {
  const binary = wrkBinary();
  if (!binary) throw new Error("wrk is not installed (apt-get install wrk)");
  const args = ["--latency", "--timeout", "30s", "-t", String(options.threads ?? 1), "-c", String(options.connections), "-d", `${options.seconds}s`];
  for (const [header, value] of Object.entries(options.headers ?? {})) args.push("-H", `${header}: ${value}`);
  const dir = options.requests ? await mkdtemp(path.join(os.tmpdir(), "sos-wrk-")) : null;
  if (dir) {
    await writeFile(path.join(dir, "requests.lua"), wrkScript(options.requests!));
    args.push("-s", path.join(dir, "requests.lua"));
  }
  args.push(url);
  try {
    return await spawnWrk(binary, args, name);
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}

function spawnWrk(binary: string, args: string[], name: string): Promise<WrkFigure> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`wrk exited with ${code}:\n${output}`));
      try {
        resolve(parseWrk(output, name));
      } catch (error) {
        reject(error);
      }
    });
  });
}
