import { z } from "zod";
import type { FieldErrors } from "@/lib/http/action";
import { LOGO_MAX_BYTES, TOO_BIG_MESSAGE } from "./limits";

const toolId = z.string().trim().min(1, "Which tool?").max(100);

/** The logo upload form: the tool and the file (its type is judged from its bytes later, never from here). */
export const logoUploadSchema = z.object({
  toolId,
  logo: z
    .file({ error: "Choose a logo file." })
    .min(1, "Choose a logo file: this one is empty.")
    .max(LOGO_MAX_BYTES, TOO_BIG_MESSAGE),
});

export const logoRemoveSchema = z.object({ toolId });

/** What the logo forms answer. */
export type LogoFormState = { ok?: string; error?: string; fieldErrors?: FieldErrors };
