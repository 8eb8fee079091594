import { describe, expect, it } from "vitest";
import { z } from "zod";
import "./zod-messages";
import { toolInputSchema } from "@/lib/tools/admin-schema";

const message = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues[0]?.message;

describe("messages people read", () => {
  it("word the issues a schema left unworded, never as Zod's developer text", () => {
    expect(message(z.string().max(80), "x".repeat(81))).toBe("At most 80 characters.");
    expect(message(z.string().min(1), "")).toBe("Required.");
    expect(message(z.string().min(3), "ab")).toBe("At least 3 characters.");
    expect(message(z.number().int().max(10), 11)).toBe("At most 10.");
    expect(message(z.object({ a: z.string() }), {})).toBe("Required.");
    expect(message(z.number(), "seven")).toBe("Expected a number.");
    expect(message(z.enum(["ship", "skip"]), "maybe")).toBe('Choose one of: ship, skip.');
    expect(message(z.strictObject({}), { extra: 1 })).toBe("Unknown field: extra.");
  });

  it("leave a schema's own message alone", () => {
    expect(message(z.string().max(2, "Two at most."), "abc")).toBe("Two at most.");
  });

  it("the admin's tool form: a slug too long reads as a sentence", () => {
    const parsed = toolInputSchema.safeParse({ slug: "a".repeat(120) });
    const slug = parsed.error?.issues.find((issue) => issue.path[0] === "slug");
    expect(slug?.message).toBe("At most 80 characters.");
    expect(parsed.error?.issues.map((issue) => issue.message).join(" ")).not.toMatch(/expected|Too big|Too small|Invalid input/);
  });
});
