import "server-only";
import { createHash } from "node:crypto";
import { recordAudit } from "@/lib/audit";
import { announce } from "@/lib/db-events/announce";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logoUrl } from "./url";
import { validateLogo, type LogoRefusalCode } from "./validate";

/** A logo that cannot be saved: the reason, worded for the person uploading it. */
export class LogoWriteError extends Error {
  constructor(message: string, readonly code: LogoRefusalCode | "no_tool") {
    super(message);
  }
}

type Tx = Prisma.TransactionClient;

/** What the audit log keeps of a logo: never the bytes, enough to tell two apart. */
const described = (logo: { hash: string; contentType: string; size: number } | null) =>
  logo && { hash: logo.hash, contentType: logo.contentType, size: logo.size, url: logoUrl(logo.hash, logo.contentType) };

async function lockTool(tx: Tx, toolId: string) {
  const [tool] = await tx.$queryRaw<{ slug: string }[]>`SELECT "slug" FROM "Tool" WHERE "id" = ${toolId} FOR UPDATE`;
  if (!tool) throw new LogoWriteError("This tool no longer exists.", "no_tool");
  const current = await tx.$queryRaw<{ hash: string; contentType: string; size: number }[]>`
    SELECT "hash", "contentType", octet_length("bytes")::int AS "size" FROM "ToolLogo" WHERE "toolId" = ${toolId}`;
  return { slug: tool.slug, current: current[0] ?? null };
}

/**
 * Sets (or replaces) a tool's logo from the uploaded bytes: validated and, for
 * an SVG, sanitised first (lib/logos/validate.ts); stored with the SHA-256 of
 * what is stored, audited and announced in one transaction. The same bytes
 * again change nothing.
 */
export async function setToolLogo(toolId: string, upload: Uint8Array, actorId: string): Promise<{ changed: boolean; url: string }> {
  const checked = await validateLogo(upload);
  if (!checked.ok) throw new LogoWriteError(checked.message, checked.code);
  const { contentType, bytes } = checked;
  const hash = createHash("sha256").update(bytes).digest("hex");
  const url = logoUrl(hash, contentType)!;
  return db.$transaction(async (tx) => {
    const { slug, current } = await lockTool(tx, toolId);
    if (current?.hash === hash && current.contentType === contentType) return { changed: false, url };
    const data = { hash, contentType, bytes: new Uint8Array(bytes), createdAt: new Date() };
    await tx.toolLogo.upsert({ where: { toolId }, create: { toolId, ...data }, update: data });
    await recordAudit(tx, {
      actorId,
      action: current ? "tool.logo.replace" : "tool.logo.set",
      entityType: "Tool",
      entityId: toolId,
      before: described(current),
      after: described({ hash, contentType, size: bytes.byteLength }),
    });
    await announce(tx, { kind: "tool", slugs: [slug] });
    return { changed: true, url };
  });
}

/** Removes a tool's logo (the monogram shows again); false when it had none. Audited and announced. */
export async function removeToolLogo(toolId: string, actorId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { slug, current } = await lockTool(tx, toolId);
    if (!current) return false;
    await tx.toolLogo.delete({ where: { toolId } });
    await recordAudit(tx, { actorId, action: "tool.logo.remove", entityType: "Tool", entityId: toolId, before: described(current), after: null });
    await announce(tx, { kind: "tool", slugs: [slug] });
    return true;
  });
}
