import { describe, expect, it } from "vitest";
import { isClientMistake } from "./log";

const authError = (type: string, message = "x", cause?: unknown) => Object.assign(new Error(message), { type, cause });

describe("Auth.js errors in the log", () => {
  it("takes what a client sent for a client's mistake (one line), and anything else for a real failure (logged whole)", () => {
    for (const type of ["MissingCSRF", "InvalidCallbackUrl", "UnknownAction", "Verification", "InvalidCheck"]) expect(isClientMistake(authError(type)), type).toBe(true);
    expect(isClientMistake(new Error('Provider with id "github" not found. Available providers: [nodemailer].'))).toBe(true);
    expect(isClientMistake(authError("CallbackRouteError", "x", { err: { type: "Verification" } }))).toBe(true);
    expect(isClientMistake(authError("CallbackRouteError", "x", { err: new Error("connect ECONNREFUSED") }))).toBe(false);
    expect(isClientMistake(authError("AdapterError"))).toBe(false);
    expect(isClientMistake(new Error("Something else"))).toBe(false);
  });
});
