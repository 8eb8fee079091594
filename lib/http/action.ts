import "server-only";
import type { z } from "zod";
import { NUL_MESSAGE } from "./form";
import { headers } from "next/headers";
import { asServerAction } from "./form-post";

/**
 * One way to write a server action (docs/decisions/016): the form is read
 * once under one rule, authorisation runs, the zod schema parses, and the
 * handler gets only the parsed, typed data — never the FormData — so no
 * action can read a field that was not validated.
 *
 *   export const saveThing: (state: ThingState, formData: FormData) => Promise<ThingState> = formStateAction({
 *     schema: thingFormSchema,
 *     authorize: (thing) => requireStaff(thing ? `/admin/things/${thing.id}` : "/admin/things"),
 *     handle: async (thing, { user, values }) => { … },
 *   });
 *
 * The one rule, for every field of every form: a field sent more than once,
 * or sent as a file, is refused as that field's error (never read as its
 * first or last value); a field holding a NUL character (which PostgreSQL
 * cannot store) is refused with NUL_MESSAGE. Then the schema parses the text
 * fields. A refused form answers in one shape, `FormRefusal`.
 *
 * A form that uploads declares its file fields (`files: ["logo"]`): each of
 * those must be sent once, as a file (text there is refused with
 * TEXT_FIELD_MESSAGE), and reaches the schema as a `File` — never echoed back.
 */

export const FIX_FIELDS_MESSAGE = "Fix the highlighted fields.";
export const REPEATED_FIELD_MESSAGE = "Send this field once.";
export const FILE_FIELD_MESSAGE = "This field takes text, not a file.";
export const TEXT_FIELD_MESSAGE = "Choose a file to upload.";
export const NOT_A_FORM_MESSAGE = "This request did not send a form.";

/** Field name → the text that was typed (to refill a refused form). */
export type FormValues = Record<string, string>;
/** Field name → its first error message. */
export type FieldErrors = Record<string, string>;
/** The one shape of a refused form: a message for the top, one per field, and what was typed. */
export type FormRefusal = { error: string; fieldErrors: FieldErrors; values: FormValues };

export type FormParse<T> = { success: true; data: T; values: FormValues } | ({ success: false } & FormRefusal);

/** React's and Next's own hidden fields (React removes them before an action runs); never a field of ours. */
const isFrameworkField = (name: string) => name.startsWith("$ACTION_");

/**
 * Reads a form once under the one rule. `fields` are the values the schema
 * may parse (each sent once, as text without NUL, or as a file for a declared
 * file field); `values` echo what was typed; `fieldErrors` hold the rule's
 * refusals, in the form's order.
 */
export function readForm(formData: FormData, files: readonly string[] = []): { fields: Record<string, string | File>; values: FormValues; fieldErrors: FieldErrors } {
  const entries = new Map<string, FormDataEntryValue[]>();
  for (const [name, value] of formData.entries()) {
    if (isFrameworkField(name)) continue;
    const seen = entries.get(name);
    if (seen) seen.push(value);
    else entries.set(name, [value]);
  }
  const fields = new Map<string, string | File>();
  const values = new Map<string, string>();
  const errors = new Map<string, string>();
  for (const [name, sent] of entries) {
    const [value] = sent;
    if (sent.length > 1) errors.set(name, REPEATED_FIELD_MESSAGE);
    else if (files.includes(name)) {
      if (typeof value === "string") errors.set(name, TEXT_FIELD_MESSAGE);
      else fields.set(name, value!);
    } else if (typeof value !== "string") errors.set(name, FILE_FIELD_MESSAGE);
    else {
      values.set(name, value);
      if (value.includes("\u0000")) errors.set(name, NUL_MESSAGE);
      else fields.set(name, value);
    }
  }
  // Object.fromEntries defines own properties: a field named "__proto__" stays a field.
  return { fields: Object.fromEntries(fields), values: Object.fromEntries(values), fieldErrors: Object.fromEntries(errors) };
}

/**
 * Reads a form under the one rule, then parses its text fields with `schema`.
 * Refused: the rule's errors and the schema's (first message per field; a
 * schema issue about the whole form becomes the top message when no field
 * has one), with the values typed.
 */
export async function parseForm<S extends z.ZodType>(formData: unknown, schema: S, files: readonly string[] = []): Promise<FormParse<z.output<S>>> {
  if (!(formData instanceof FormData)) return { success: false, error: NOT_A_FORM_MESSAGE, fieldErrors: {}, values: {} };
  const { fields, values, fieldErrors } = readForm(formData, files);
  const parsed = await schema.safeParseAsync(fields);
  const errors = new Map(Object.entries(fieldErrors));
  let formError: string | undefined;
  for (const issue of parsed.error?.issues ?? []) {
    const [field] = issue.path;
    if (field === undefined) formError ??= issue.message;
    else if (!errors.has(String(field))) errors.set(String(field), issue.message);
  }
  if (parsed.success && errors.size === 0) return { success: true, data: parsed.data, values };
  return { success: false, error: errors.size ? FIX_FIELDS_MESSAGE : (formError ?? FIX_FIELDS_MESSAGE), fieldErrors: Object.fromEntries(errors), values };
}

/** The first field error of a refusal (or its top message): for a form that shows one message only. */
export function firstError(refusal: FormRefusal): string {
  return Object.values(refusal.fieldErrors)[0] ?? refusal.error;
}

// ---------------------------------------------------------------- authorisation

const ANSWER = Symbol("answer");
/** An authorisation step's own answer (e.g. "Sign in to vote."), given instead of going on. */
export type Answer<R> = { readonly [ANSWER]: R };
export const answer = <R>(value: R): Answer<R> => ({ [ANSWER]: value });
const isAnswer = (value: unknown): value is Answer<unknown> => typeof value === "object" && value !== null && ANSWER in value;

/** The authorisation step of a public action: anyone may call it. */
export const anyone = async (): Promise<null> => null;

/**
 * The authorisation step: runs before any validation answer is given. It
 * redirects or calls forbidden() (requireStaff, requireAdmin), returns the
 * user, or returns `answer(…)`. It sees the parsed input only if all of it
 * validated (so a sign-in return path never carries unvalidated text).
 */
type Authorize<Data, User, Result> = (data: Data | undefined) => Promise<User | Answer<Result>>;

// ---------------------------------------------------------------- the three kinds of action

type FormStateOptions<S extends z.ZodType, User, State> = {
  schema: S;
  /** The form's file fields (an upload): each reaches the schema as a File. */
  files?: readonly string[];
  authorize: Authorize<z.output<S>, User, State>;
  /** Gets only the parsed data, the authorised user and the typed values (to echo in a later refusal). */
  handle: (data: z.output<S>, context: { user: User; values: FormValues }) => Promise<State>;
} & (FormRefusal extends State
  ? { /** How a refused form answers; by default the refusal itself. */ invalid?: (refusal: FormRefusal) => State }
  : { invalid: (refusal: FormRefusal) => State });

/** An action for `useActionState`: `(state, formData) => Promise<State>`, with or without JavaScript. */
export function formStateAction<S extends z.ZodType, User, State>(options: FormStateOptions<S, User, State>): (state: State, formData: FormData) => Promise<State> {
  return async (_state, formData) => {
    const parsed = await parseForm(formData, options.schema, options.files);
    const user = await asServerAction(() => options.authorize(parsed.success ? parsed.data : undefined));
    if (isAnswer(user)) return user[ANSWER] as State;
    if (!parsed.success) {
      const refusal: FormRefusal = { error: parsed.error, fieldErrors: parsed.fieldErrors, values: parsed.values };
      return options.invalid ? options.invalid(refusal) : (refusal as State);
    }
    return options.handle(parsed.data, { user, values: parsed.values });
  };
}

type FormOptions<S extends z.ZodType, User> = {
  schema: S;
  authorize: Authorize<z.output<S>, User, void>;
  handle: (data: z.output<S>, context: { user: User }) => Promise<void>;
};

/** An action for a plain `<form action>` with no answer to show: `(formData) => Promise<void>`. A refused form does nothing. */
export function formAction<S extends z.ZodType, User>(options: FormOptions<S, User>): (formData: FormData) => Promise<void> {
  return async (formData) => {
    const parsed = await parseForm(formData, options.schema);
    const user = await asServerAction(() => options.authorize(parsed.success ? parsed.data : undefined));
    if (isAnswer(user) || !parsed.success) return;
    await options.handle(parsed.data, { user });
  };
}

/** A server function's arguments come from the client: each is `unknown` until the tuple schema parses it. */
type UnknownArguments<S extends z.ZodTuple> = z.input<S> extends infer Args extends readonly unknown[] ? { [K in keyof Args]: unknown } : never;

type ArgumentsOptions<S extends z.ZodTuple, User, Result> = {
  schema: S;
  authorize: Authorize<z.output<S>, User, Result>;
  invalid: (error: z.ZodError) => Result;
  handle: (args: z.output<S>, context: { user: User }) => Promise<Result>;
};

/**
 * An action called with arguments rather than a form (`voteAction(slug, decision)`):
 * the declared arguments are parsed by a tuple schema; extra ones are ignored.
 */
export function argumentsAction<S extends z.ZodTuple, User, Result>(options: ArgumentsOptions<S, User, Result>): (...args: UnknownArguments<S>) => Promise<Result> {
  const arity = options.schema.def.items.length;
  const action = async (...args: readonly unknown[]): Promise<Result> => {
    const parsed = await options.schema.safeParseAsync(args.slice(0, arity));
    const user = await asServerAction(() => options.authorize(parsed.success ? parsed.data : undefined));
    if (isAnswer(user)) return user[ANSWER] as Result;
    if (!parsed.success) return options.invalid(parsed.error);
    return options.handle(parsed.data, { user });
  };
  return action as (...args: UnknownArguments<S>) => Promise<Result>;
}

/**
 * An action's unexpected failure, behind the friendly message it answers: one
 * error line through the app's logger, with its stack and the request's id
 * (the gate's line for the same request carries it), never the form's values.
 */
export async function logActionError(error: unknown, message: string): Promise<void> {
  const requestId = await headers()
    .then((sent) => sent.get("x-request-id") ?? undefined)
    .catch(() => undefined);
  // Loaded here, not at the top: the logger reads lib/env, which this module (imported by forms' schemas) must not load early.
  const { log } = await import("@/lib/observability/log");
  log().error({ err: error, ...(requestId ? { requestId } : {}) }, message);
}
