"use server";

import { refresh } from "next/cache";
import { requireStaff } from "@/lib/auth/guards";
import { firstError, formStateAction } from "@/lib/http/action";
import { jobFormSchema, type JobFormState } from "./schema";
import { discardJob, JobError, retryJob } from "./writes";

const PAGE = "/admin/jobs";

async function run(work: () => Promise<string>): Promise<JobFormState> {
  try {
    const ok = await work();
    refresh();
    return { ok };
  } catch (error) {
    if (error instanceof JobError) return { error: error.message };
    throw error;
  }
}

const invalid = (refused: Parameters<typeof firstError>[0]): JobFormState => ({ error: firstError(refused) });

/** Staff: try a failed job again now, with its attempts reset. */
export const retryJobAction: (state: JobFormState, formData: FormData) => Promise<JobFormState> = formStateAction({
  schema: jobFormSchema,
  authorize: () => requireStaff(PAGE),
  invalid,
  handle: ({ job }, { user }) =>
    run(async () => {
      await retryJob(job, user.id);
      return "Queued again.";
    }),
});

/** Staff: drop a failed job for good. */
export const discardJobAction: (state: JobFormState, formData: FormData) => Promise<JobFormState> = formStateAction({
  schema: jobFormSchema,
  authorize: () => requireStaff(PAGE),
  invalid,
  handle: ({ job }, { user }) =>
    run(async () => {
      await discardJob(job, user.id);
      return "Discarded.";
    }),
});
