import { describe, expect, it } from "vitest";
import { reviewerInputSchema } from "@/lib/reviewers/admin-schema";
import { verdictEditSchema } from "@/lib/verdicts/schema";
import { checkboxSchema } from "./form";

// Reading a form (repeated fields, files, NUL) is tested with its one reader in action.test.ts.
describe("form input", () => {
  it("an unticked checkbox (left out of the form by the browser) is false, not an error", () => {
    expect(checkboxSchema.parse(undefined)).toBe(false);
    expect(checkboxSchema.parse("on")).toBe(true);
    expect(checkboxSchema.safeParse("yes").success).toBe(false);
  });

  it("a verdict saved with Published unticked, and a persona with Active unticked, parse as unpublished / inactive", () => {
    const verdict = verdictEditSchema.safeParse({ verdictId: "v1", expectedVersion: "2", decision: "SKIP", body: "x".repeat(60), reason: "Unpublishing for review" });
    expect(verdict.success).toBe(true);
    expect(verdict.data?.published).toBe(false);
    const reviewer = reviewerInputSchema.safeParse({
      slug: "ada-park",
      name: "Ada Park",
      lens: "Developer experience",
      bio: "A long enough biography for the persona form to accept it.",
      excitedBy: "",
      tiredOf: "",
    });
    expect(reviewer.success).toBe(true);
    expect(reviewer.data?.active).toBe(false);
  });
});
