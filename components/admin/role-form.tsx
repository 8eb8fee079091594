"use client";

import { useActionState } from "react";
import { setRoleAction, type RoleFormState } from "@/lib/users/actions";

export function RoleForm({ userId, role, email }: { userId: string; role: "USER" | "STAFF"; email: string }) {
  const [state, action, pending] = useActionState<RoleFormState, FormData>(setRoleAction, {});
  const next = role === "STAFF" ? "USER" : "STAFF";
  return (
    <form action={action} className="flex items-center justify-end gap-3">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="role" value={next} />
      {state.error ? <span role="alert" className="text-xs text-skip-700 dark:text-skip-400">{state.error}</span> : null}
      {state.ok ? <span role="status" className="text-xs text-ship-700 dark:text-ship-400">{state.ok}</span> : null}
      <button type="submit" disabled={pending} className="rounded-lg px-3 py-1.5 text-xs font-medium ring-1 ring-stone-300 hover:bg-stone-100 disabled:opacity-60 dark:ring-stone-700 dark:hover:bg-stone-800">
        {role === "STAFF" ? "Revoke staff" : "Make staff"}
        <span className="sr-only"> for {email}</span>
      </button>
    </form>
  );
}
