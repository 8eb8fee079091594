"use server";

import { refresh } from "next/cache";
import { requireStaff } from "@/lib/auth/guards";
import { firstError, formStateAction } from "@/lib/http/action";
import { restoreFormSchema, VOID_WINDOW_LABELS, voidFormSchema, type IntegrityFormState } from "./schema";
import { IntegrityError, restoreVoid, voidVotes } from "./writes";

const PAGE = "/admin/integrity";

async function run(work: () => Promise<string>): Promise<IntegrityFormState> {
  try {
    const ok = await work();
    refresh();
    return { ok };
  } catch (error) {
    if (error instanceof IntegrityError) return { error: error.message };
    throw error;
  }
}

const invalid = (refused: Parameters<typeof firstError>[0]): IntegrityFormState => ({ error: firstError(refused) });

/** Staff: void a tool's recent votes (kept, counted nowhere, reversible). */
export const voidVotesAction: (state: IntegrityFormState, formData: FormData) => Promise<IntegrityFormState> = formStateAction({
  schema: voidFormSchema,
  authorize: () => requireStaff(PAGE),
  invalid,
  handle: ({ tool, window, scope, reason }, { user }) =>
    run(async () => {
      const { votes } = await voidVotes({ tool, minutes: Number(window), newAccountsOnly: scope === "new", reason }, user.id);
      return `Voided ${votes} vote${votes === 1 ? "" : "s"} cast in ${VOID_WINDOW_LABELS[window]}.`;
    }),
});

/** Staff: undo a void. */
export const restoreVoidAction: (state: IntegrityFormState, formData: FormData) => Promise<IntegrityFormState> = formStateAction({
  schema: restoreFormSchema,
  authorize: () => requireStaff(PAGE),
  invalid,
  handle: ({ void: voidId }, { user }) =>
    run(async () => {
      const { votes } = await restoreVoid(voidId, user.id);
      return `Restored ${votes} vote${votes === 1 ? "" : "s"}.`;
    }),
});
