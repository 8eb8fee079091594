import { requireRequestStaff } from "@/lib/auth/session";
import { handle } from "@/lib/http/errors";
import { exportConfirmedSubscribersCsv } from "@/lib/newsletter/export";

/** GET /api/admin/newsletter/subscribers.csv — confirmed subscribers (email, confirmedAt); staff only. */
export const GET = handle(async (request: Request) => {
  const user = await requireRequestStaff(request);
  const { csv, filename } = await exportConfirmedSubscribersCsv(user.id);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
});
