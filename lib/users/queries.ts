import "server-only";
import { db } from "@/lib/db";

export async function listUsers(search?: string) {
  return db.user.findMany({
    where: search ? { email: { contains: search.toLowerCase() } } : {},
    select: { id: true, email: true, name: true, role: true, createdAt: true, _count: { select: { votes: true } } },
    orderBy: [{ role: "asc" }, { createdAt: "desc" }],
    take: 200,
  });
}
