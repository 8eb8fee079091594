"use server";

import { refresh } from "next/cache";
import { requireStaff } from "@/lib/auth/guards";
import { formStateAction } from "@/lib/http/action";
import { logoRemoveSchema, logoUploadSchema, type LogoFormState } from "./schema";
import { LogoWriteError, removeToolLogo, setToolLogo } from "./writes";

const adminPage = (tool: { toolId: string } | undefined) => (tool ? `/admin/tools/${encodeURIComponent(tool.toolId)}` : "/admin/tools");

/** Uploads (or replaces) a tool's logo. Staff only; the file is judged by its bytes (lib/logos/validate.ts). */
export const uploadLogoAction: (state: LogoFormState, formData: FormData) => Promise<LogoFormState> = formStateAction({
  schema: logoUploadSchema,
  files: ["logo"],
  authorize: (tool) => requireStaff(adminPage(tool)),
  invalid: ({ error, fieldErrors }): LogoFormState => ({ error: fieldErrors.logo ?? error, fieldErrors }),
  async handle({ toolId, logo }, { user }): Promise<LogoFormState> {
    try {
      const result = await setToolLogo(toolId, new Uint8Array(await logo.arrayBuffer()), user.id);
      refresh();
      return { ok: result.changed ? "Logo saved." : "This is already the tool's logo: nothing changed." };
    } catch (error) {
      if (error instanceof LogoWriteError) return { error: error.message, fieldErrors: error.code === "no_tool" ? {} : { logo: error.message } };
      throw error;
    }
  },
});

/** Removes a tool's logo: the monogram shows again. Staff only. */
export const removeLogoAction: (state: LogoFormState, formData: FormData) => Promise<LogoFormState> = formStateAction({
  schema: logoRemoveSchema,
  authorize: (tool) => requireStaff(adminPage(tool)),
  invalid: ({ error }): LogoFormState => ({ error }),
  async handle({ toolId }, { user }): Promise<LogoFormState> {
    try {
      const removed = await removeToolLogo(toolId, user.id);
      refresh();
      return { ok: removed ? "Logo removed: the monogram shows instead." : "This tool has no logo." };
    } catch (error) {
      if (error instanceof LogoWriteError) return { error: error.message };
      throw error;
    }
  },
});
