"use client";

import { useActionState, useId, useState } from "react";
import { removeLogoAction, uploadLogoAction } from "@/lib/logos/actions";
import { LOGO_ACCEPT, LOGO_MAX_BYTES, TOO_BIG_MESSAGE } from "@/lib/logos/limits";
import type { LogoFormState } from "@/lib/logos/schema";
import { InlineMessage, inlineButton, inlineDanger } from "./inline-form";

/**
 * Upload a tool's logo. A file over the limit is refused here before it is
 * sent (the server refuses it too, with the same words, when script is off).
 */
export function LogoUploadForm({ toolId }: { toolId: string }) {
  const [state, action, pending] = useActionState<LogoFormState, FormData>(uploadLogoAction, {});
  const [tooBig, setTooBig] = useState(false);
  const id = useId();
  const error = tooBig ? TOO_BIG_MESSAGE : state.fieldErrors?.logo;
  return (
    <form
      action={action}
      onSubmit={(event) => {
        const file = new FormData(event.currentTarget).get("logo");
        const over = file instanceof File && file.size > LOGO_MAX_BYTES;
        setTooBig(over);
        if (over) event.preventDefault();
      }}
      className="flex flex-col gap-2"
    >
      <input type="hidden" name="toolId" value={toolId} />
      <label htmlFor={id} className="text-sm font-medium">
        Upload a logo <span className="font-normal text-stone-500 dark:text-stone-400">(PNG, WebP or SVG, at most {LOGO_MAX_BYTES / 1024} KB)</span>
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          id={id}
          name="logo"
          type="file"
          required
          accept={LOGO_ACCEPT}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={() => setTooBig(false)}
          className="text-sm file:mr-3 file:rounded-lg file:border-0 file:bg-stone-100 file:px-3 file:py-1.5 file:text-xs file:font-medium dark:file:bg-stone-800"
        />
        <button type="submit" disabled={pending} className={inlineButton}>
          {pending ? "Uploading…" : "Upload logo"}
        </button>
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-xs font-medium text-skip-700 dark:text-skip-400">
          {error}
        </p>
      ) : (
        <InlineMessage state={tooBig ? {} : state} />
      )}
    </form>
  );
}

/** Remove a tool's logo: its monogram shows again. */
export function LogoRemoveForm({ toolId }: { toolId: string }) {
  const [state, action, pending] = useActionState<LogoFormState, FormData>(removeLogoAction, {});
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="toolId" value={toolId} />
      <button type="submit" disabled={pending} className={inlineDanger}>
        Remove logo
      </button>
      <InlineMessage state={state} />
    </form>
  );
}
