import { isIPv4, isIPv6 } from "node:net";
import { env } from "@/lib/env";
import { peerAddress } from "./peer";

/**
 * Who is on the other end of a request, for per-IP limits and the Origin
 * check. TRUST_PROXY is the number of proxies you run in front of the app:
 *
 * - 0 (the default): no header a client can set is read. The client is the
 *   TCP peer, stamped by this node's HTTP server (lib/http/peer.ts); without a
 *   stamp it is "unknown" (one shared bucket), never a header's word.
 * - n ≥ 1: each proxy appends the address it saw to X-Forwarded-For, so the
 *   n-th entry from the right is the one your outermost proxy wrote; anything
 *   to its left came from the client. (A proxy that overwrites the header
 *   leaves one entry, which is then the answer.)
 */
export type TrustedHops = number;

/** The comma-separated entries of a forwarding header, as one list (repeated headers included). */
function entries(value: string | null): string[] {
  return (value ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * The entry of a forwarding header (X-Forwarded-For, X-Forwarded-Host) that
 * the outermost of `hops` trusted proxies wrote: the `hops`-th from the right,
 * or the leftmost when there are fewer. Null with no trusted proxy or no header.
 */
export function trustedForwarded(headers: Headers, name: string, hops: TrustedHops = env.TRUST_PROXY_HOPS): string | null {
  if (hops < 1) return null;
  const list = entries(headers.get(name));
  if (list.length === 0) return null;
  return list[Math.max(0, list.length - hops)]!;
}

/** The client's address: see the module comment. */
export function clientAddress(headers: Headers, hops: TrustedHops = env.TRUST_PROXY_HOPS): string {
  const address = hops >= 1 ? trustedForwarded(headers, "x-forwarded-for", hops) : peerAddress(headers);
  return address ?? "unknown";
}

/**
 * The key a per-IP limit counts under. A port some proxies add
 * (`203.0.113.9:52114`, `[2001:db8::1]:443`) is dropped; IPv4-mapped IPv6 is
 * its IPv4 address; an IPv6 address counts as its /64, the block one
 * subscriber gets (so rotating through one's own 2^64 addresses buys nothing).
 */
export function addressKey(address: string): string {
  let text = address.trim().toLowerCase();
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(text)?.[1] ?? /^\[([^\]]+)\](?::\d+)?$/.exec(text)?.[1];
  if (withPort) text = withPort;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text)?.[1];
  if (mapped && isIPv4(mapped)) return mapped;
  if (isIPv6(text)) return `${firstGroups(text, 4).join(":")}::/64`;
  return text.slice(0, 64) || "unknown";
}

/**
 * The first `count` 16-bit groups of a valid IPv6 address, "::" expanded. (An
 * embedded IPv4 tail or a zone id only ever sits in the last 64 bits.)
 */
function firstGroups(address: string, count: number): string[] {
  const [head = "", tail] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  // Each group of an embedded IPv4 tail (a.b.c.d) stands for two.
  const width = right.reduce((sum, group) => sum + (group.includes(".") ? 2 : 1), 0);
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - width).fill("0"), ...right];
  return groups.slice(0, count).map((group) => Number.parseInt(group, 16).toString(16));
}
