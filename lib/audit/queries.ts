import "server-only";
import { db } from "@/lib/db";

export type AuditFilter = { actor?: string; entityType?: string; from?: Date; to?: Date };

/** The newest 200 audit entries matching the filter (actor by email). */
export async function listAuditLog(filter: AuditFilter) {
  return db.auditLog.findMany({
    where: {
      ...(filter.actor ? { actor: { email: { contains: filter.actor.toLowerCase() } } } : {}),
      ...(filter.entityType ? { entityType: filter.entityType } : {}),
      ...(filter.from || filter.to ? { createdAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {}),
    },
    select: { id: true, action: true, entityType: true, entityId: true, before: true, after: true, createdAt: true, actor: { select: { email: true, name: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
  });
}

export async function listAuditEntityTypes(): Promise<string[]> {
  const rows = await db.auditLog.findMany({ distinct: ["entityType"], select: { entityType: true }, orderBy: { entityType: "asc" } });
  return rows.map((row) => row.entityType);
}
