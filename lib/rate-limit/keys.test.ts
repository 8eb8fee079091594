import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { emailKey, foldEmail } from "./keys";

describe("foldEmail: one mailbox, one limit key", () => {
  it("drops a +tag on any domain, and case and surrounding space", () => {
    expect(foldEmail("Ann+news@Example.com")).toBe("ann@example.com");
    expect(foldEmail("  ann+a+b@example.com ")).toBe("ann@example.com");
    expect(foldEmail("ann@example.com")).toBe("ann@example.com");
  });

  it("drops dots in Gmail local parts, and googlemail.com is gmail.com", () => {
    expect(foldEmail("a.b+x@gmail.com")).toBe("ab@gmail.com");
    expect(foldEmail("A.B@googlemail.com")).toBe("ab@gmail.com");
    expect(foldEmail("a.n.n+2@GoogleMail.com")).toBe("ann@gmail.com");
  });

  it("keeps dots elsewhere: they are different mailboxes at most providers", () => {
    expect(foldEmail("a.b@example.com")).toBe("a.b@example.com");
    expect(foldEmail("a.b@gmail.co")).toBe("a.b@gmail.co");
  });

  it("leaves what it cannot fold as it is (never empty)", () => {
    expect(foldEmail("+only@example.com")).toBe("+only@example.com");
    expect(foldEmail("...@gmail.com")).toBe("...@gmail.com");
    expect(foldEmail("no-at-sign")).toBe("no-at-sign");
    expect(foldEmail("@example.com")).toBe("@example.com");
    expect(foldEmail("ｆｕｌｌ@example.com")).toBe("full@example.com");
  });
});

describe("emailKey", () => {
  it("is the same hashed key for every spelling of one mailbox, and never the address itself", () => {
    const key = emailKey("ab@gmail.com");
    for (const variant of ["a.b+x@gmail.com", "AB@googlemail.com", "a.b@gmail.com", " ab+1@gmail.com"]) expect(emailKey(variant)).toBe(key);
    expect(emailKey("ac@gmail.com")).not.toBe(key);
    expect(key).toBe(createHash("sha256").update("ab@gmail.com").digest("base64url").slice(0, 32));
    expect(key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(key).not.toContain("gmail");
  });
});
