import "server-only";
import { db } from "@/lib/db";

export async function listReviewersForAdmin() {
  return db.reviewer.findMany({
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: { id: true, slug: true, name: true, lens: true, active: true, _count: { select: { verdicts: true } } },
  });
}

export async function getReviewerForEdit(id: string) {
  return db.reviewer.findUnique({ where: { id } });
}
