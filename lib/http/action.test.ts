import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import {
  answer,
  anyone,
  argumentsAction,
  FILE_FIELD_MESSAGE,
  firstError,
  FIX_FIELDS_MESSAGE,
  formAction,
  formStateAction,
  NOT_A_FORM_MESSAGE,
  parseForm,
  readForm,
  REPEATED_FIELD_MESSAGE,
  TEXT_FIELD_MESSAGE,
  type FormRefusal,
} from "./action";
import { createOrEdit, NUL_MESSAGE } from "./form";

function form(entries: [string, string | Blob][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

const person = z.object({
  name: z.string({ error: "Give a name." }).trim().min(2, "Give a name."),
  age: z.coerce.number({ error: "A number." }).int("A whole number.").min(0, "Not negative."),
  note: z.string().max(5, "Keep it short.").optional(),
});

describe("reading a form: one rule for every field", () => {
  it("refuses a field sent more than once, whichever value comes first or last", async () => {
    for (const entries of [
      [["name", "Ada"], ["name", "Bob"], ["age", "3"]],
      [["name", "Ada"], ["age", "3"], ["name", "Ada"]],
    ] as [string, string][][]) {
      const result = await parseForm(form(entries), person);
      expect(result).toEqual({ success: false, error: FIX_FIELDS_MESSAGE, fieldErrors: { name: REPEATED_FIELD_MESSAGE }, values: { age: "3" } });
    }
  });

  it("refuses a field sent as a file (even one the schema may leave out)", async () => {
    const result = await parseForm(form([["name", "Ada"], ["age", "3"], ["note", new File(["hi"], "note.txt")]]), person);
    expect(result).toEqual({ success: false, error: FIX_FIELDS_MESSAGE, fieldErrors: { note: FILE_FIELD_MESSAGE }, values: { name: "Ada", age: "3" } });
    const blob = await parseForm(form([["name", new Blob(["Ada"])], ["age", "3"]]), person);
    expect(blob.success === false && blob.fieldErrors).toEqual({ name: FILE_FIELD_MESSAGE });
  });

  it("an upload's declared file field reaches the schema as a File, never echoed; text there, or two files, is refused", async () => {
    const upload = z.object({ name: z.string(), logo: z.file() });
    const file = new File(["png"], "logo.png", { type: "image/png" });
    const result = await parseForm(form([["name", "Ada"], ["logo", file]]), upload, ["logo"]);
    expect(result.success && result.data.logo).toBeInstanceOf(File);
    expect(result.success && (await result.data.logo.text())).toBe("png");
    expect(result.success && result.values).toEqual({ name: "Ada" });
    expect(await parseForm(form([["name", "Ada"], ["logo", "typed"]]), upload, ["logo"])).toMatchObject({ success: false, fieldErrors: { logo: TEXT_FIELD_MESSAGE } });
    expect(await parseForm(form([["name", "Ada"], ["logo", file], ["logo", file]]), upload, ["logo"])).toMatchObject({ success: false, fieldErrors: { logo: REPEATED_FIELD_MESSAGE } });
    // Undeclared, the same file is refused as ever.
    expect(await parseForm(form([["name", "Ada"], ["logo", file]]), upload)).toMatchObject({ success: false, fieldErrors: { logo: FILE_FIELD_MESSAGE } });
  });

  it("refuses a field holding a NUL character with NUL_MESSAGE, and echoes it as typed", async () => {
    const result = await parseForm(form([["name", "Ad\u0000a"], ["age", "3"]]), person);
    expect(result).toEqual({ success: false, error: FIX_FIELDS_MESSAGE, fieldErrors: { name: NUL_MESSAGE }, values: { name: "Ad\u0000a", age: "3" } });
  });

  it("the rule holds for fields the schema does not know (one rule for every field)", async () => {
    const result = await parseForm(form([["name", "Ada"], ["age", "3"], ["extra", "a"], ["extra", "b"]]), person);
    expect(result.success === false && result.fieldErrors).toEqual({ extra: REPEATED_FIELD_MESSAGE });
  });

  it("skips React's and Next's own $ACTION_ fields, and keeps a field named __proto__ a field", () => {
    const read = readForm(form([["$ACTION_ID_abc", ""], ["$ACTION_KEY", "k"], ["$ACTION_KEY", "k"], ["__proto__", "x"], ["constructor", "y"]]));
    expect(Object.keys(read.fields)).toEqual(["__proto__", "constructor"]);
    expect(Object.getPrototypeOf(read.fields)).toBe(Object.prototype);
    expect(read.fieldErrors).toEqual({});
  });

  it("turns zod issues into one shape: the first message per field, one message for the top", async () => {
    const result = await parseForm(form([["name", " A "], ["age", "-1.5"], ["note", "far too long"]]), person);
    expect(result).toEqual({
      success: false,
      error: FIX_FIELDS_MESSAGE,
      fieldErrors: { name: "Give a name.", age: "A whole number.", note: "Keep it short." },
      values: { name: " A ", age: "-1.5", note: "far too long" },
    });
  });

  it("keeps the rule's message for a field over the schema's, and reports every field at once", async () => {
    const result = await parseForm(form([["name", "Ada"], ["name", "Ada"], ["age", "x"]]), person);
    expect(result.success === false && result.fieldErrors).toEqual({ name: REPEATED_FIELD_MESSAGE, age: "A number." });
  });

  it("an issue about the whole form becomes the top message when no field has one", async () => {
    const schema = z.object({ a: z.string(), b: z.string() }).refine((value) => value.a !== value.b, "Pick two different things.");
    expect(await parseForm(form([["a", "x"], ["b", "x"]]), schema)).toEqual({ success: false, error: "Pick two different things.", fieldErrors: {}, values: { a: "x", b: "x" } });
  });

  it("parses a valid form into typed data, with the values typed", async () => {
    expect(await parseForm(form([["name", " Ada "], ["age", "36"]]), person)).toEqual({ success: true, data: { name: "Ada", age: 36 }, values: { name: " Ada ", age: "36" } });
  });

  it("something that is not a FormData is refused, not read", async () => {
    expect(await parseForm({ name: "Ada", age: "3" }, person)).toEqual({ success: false, error: NOT_A_FORM_MESSAGE, fieldErrors: {}, values: {} });
  });

  it("firstError: the first field's message, else the top message", () => {
    expect(firstError({ error: FIX_FIELDS_MESSAGE, fieldErrors: { role: "Role must be USER or STAFF.", userId: "x" }, values: {} })).toBe("Role must be USER or STAFF.");
    expect(firstError({ error: "Whole form.", fieldErrors: {}, values: {} })).toBe("Whole form.");
  });
});

describe("createOrEdit: one form that adds a record or edits it", () => {
  const schema = createOrEdit("id", {
    edit: z.object({ id: z.string().max(4), version: z.coerce.number().int().min(1, "Stale."), name: z.string().min(2, "Name!") }),
    create: z.object({ name: z.string().min(2, "Name!"), kind: z.string({ error: "Kind!" }) }),
  });

  it("edits when the key is sent, with the edit's field errors", async () => {
    expect(await parseForm(form([["id", "t1"], ["version", "3"], ["name", "Ada"]]), schema)).toMatchObject({ success: true, data: { mode: "edit", id: "t1", version: 3, name: "Ada" } });
    expect(await parseForm(form([["id", "t1"], ["version", "0"], ["name", "A"]]), schema)).toMatchObject({ success: false, fieldErrors: { version: "Stale.", name: "Name!" } });
  });

  it("creates when the key is missing or empty, with the create's field errors", async () => {
    expect(await parseForm(form([["id", ""], ["name", "Ada"], ["kind", "x"]]), schema)).toEqual({ success: true, data: { mode: "create", name: "Ada", kind: "x" }, values: { id: "", name: "Ada", kind: "x" } });
    expect(await parseForm(form([["name", "A"]]), schema)).toMatchObject({ success: false, fieldErrors: { name: "Name!", kind: "Kind!" } });
  });

  it("a repeated key is refused (never read as its first or last value)", async () => {
    const result = await parseForm(form([["id", "t1"], ["id", "t2"], ["version", "3"], ["name", "Ada"], ["kind", "x"]]), schema);
    expect(result.success).toBe(false);
    expect(result.success === false && result.fieldErrors.id).toBe(REPEATED_FIELD_MESSAGE);
  });
});

describe("the action helpers", () => {
  type State = { ok?: string } & Partial<FormRefusal>;
  const valid = () => form([["name", "Ada"], ["age", "36"]]);
  const invalid = () => form([["name", "Ada"], ["name", "Ada"], ["age", "36"]]);

  it("the handler gets the parsed data, the user and the values — never the FormData", async () => {
    const handle = vi.fn(async (data: z.output<typeof person>) => ({ ok: `Hello ${data.name}` }));
    const action = formStateAction<typeof person, { id: string }, State>({ schema: person, authorize: async () => ({ id: "u1" }), handle });
    const data = valid();
    expect(await action({}, data)).toEqual({ ok: "Hello Ada" });
    expect(handle).toHaveBeenCalledTimes(1);
    const args = handle.mock.calls[0] as unknown[];
    expect(args).toEqual([{ name: "Ada", age: 36 }, { user: { id: "u1" }, values: { name: "Ada", age: "36" } }]);
    const seen = (value: unknown): boolean => value instanceof FormData || (typeof value === "object" && value !== null && Object.values(value).some(seen));
    expect(seen(args)).toBe(false);
  });

  it("authorisation runs first: before any refusal, seeing the data only when all of it validated", async () => {
    const order: string[] = [];
    const authorize = vi.fn(async (data: z.output<typeof person> | undefined) => {
      order.push(`authorize ${data ? data.name : "nothing"}`);
      return null;
    });
    const action = formStateAction<typeof person, null, State>({ schema: person, authorize, handle: async () => (order.push("handle"), { ok: "yes" }) });
    expect(await action({}, invalid())).toEqual({ error: FIX_FIELDS_MESSAGE, fieldErrors: { name: REPEATED_FIELD_MESSAGE }, values: { age: "36" } });
    expect(await action({}, valid())).toEqual({ ok: "yes" });
    expect(order).toEqual(["authorize nothing", "authorize Ada", "handle"]);

    const refused = formStateAction<typeof person, null, State>({ schema: person, authorize: async () => Promise.reject(new Error("forbidden")), handle: async () => ({}) });
    await expect(refused({}, invalid())).rejects.toThrow("forbidden");
    await expect(refused({}, "not a form" as unknown as FormData)).rejects.toThrow("forbidden");
  });

  it("an authorisation step may answer instead (the handler never runs)", async () => {
    const handle = vi.fn(async () => ({ ok: "no" }));
    const action = formStateAction<typeof person, null, State>({ schema: person, authorize: async () => answer<State>({ error: "Sign in first." }), handle });
    expect(await action({}, valid())).toEqual({ error: "Sign in first." });
    expect(await action({}, invalid())).toEqual({ error: "Sign in first." });
    expect(handle).not.toHaveBeenCalled();
  });

  it("`invalid` maps the refusal to the form's own state", async () => {
    const action = formStateAction({ schema: person, authorize: anyone, invalid: (refusal): { message: string } => ({ message: firstError(refusal) }), handle: async () => ({ message: "ok" }) });
    expect(await action({ message: "" }, invalid())).toEqual({ message: REPEATED_FIELD_MESSAGE });
  });

  it("a plain form action does nothing with a refused form", async () => {
    const handle = vi.fn(async () => undefined);
    const action = formAction({ schema: person, authorize: anyone, handle });
    await action(invalid());
    expect(handle).not.toHaveBeenCalled();
    await action(valid());
    expect(handle).toHaveBeenCalledWith({ name: "Ada", age: 36 }, { user: null });
  });

  it("an action called with arguments parses them with a tuple schema; extra arguments are ignored", async () => {
    const handle = vi.fn(async ([slug, decision]: [string, "ship" | "skip" | null]) => `${slug} ${decision}`);
    const action = argumentsAction({
      schema: z.tuple([z.string().regex(/^[a-z]+$/), z.enum(["ship", "skip"]).nullable()]),
      authorize: async () => ({ id: "u1" }),
      invalid: () => "invalid",
      handle,
    });
    expect(await action("cursor", "ship")).toBe("cursor ship");
    expect(await (action as (...args: unknown[]) => Promise<string>)("cursor", null, { userId: "someone else" })).toBe("cursor null");
    expect(await action("Cursor", "ship")).toBe("invalid");
    expect(await action({ slug: "cursor" }, "ship")).toBe("invalid");
    expect(await action("cursor", undefined)).toBe("invalid");
    expect(handle).toHaveBeenCalledTimes(2);
    expect(handle.mock.calls[1]).toEqual([["cursor", null], { user: { id: "u1" } }]);
  });

  it("an action with arguments answers from its authorisation step before validating", async () => {
    const action = argumentsAction({
      schema: z.tuple([z.string()]),
      authorize: async () => answer("Sign in."),
      invalid: () => "invalid",
      handle: async () => "done",
    });
    expect(await action(42)).toBe("Sign in.");
  });
});
