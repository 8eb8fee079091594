import { describe, expect, it } from "vitest";
import { errorLine, maskEmail } from "./display";

describe("maskEmail", () => {
  it("keeps the first character and the domain", () => {
    expect(maskEmail("alice@example.com")).toBe("a•••@example.com");
    expect(maskEmail("x@y.test")).toBe("x•••@y.test");
  });
  it("hides all of something that is not an address", () => {
    expect(maskEmail("nobody")).toBe("•••");
    expect(maskEmail("@example.com")).toBe("•••");
  });
});

describe("errorLine", () => {
  it("is the first non-empty line, with addresses masked", () => {
    expect(errorLine("\nError: 550 <bob@example.com> rejected\n    at send (x.js:1)")).toBe("Error: 550 <b•••@example.com> rejected");
  });
  it("is cut at 300 characters, and null without an error", () => {
    expect(errorLine("e".repeat(400))).toHaveLength(300);
    expect(errorLine(null)).toBeNull();
  });
});
