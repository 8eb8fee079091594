import { z } from "zod";

/** An admin grants or revokes STAFF; ADMIN comes only from ADMIN_EMAILS. */
export const roleChangeSchema = z.object({
  userId: z.string().min(1).max(40),
  role: z.enum(["USER", "STAFF"], { error: "Role must be USER or STAFF." }),
});
