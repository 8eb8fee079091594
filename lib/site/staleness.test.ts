import { describe, expect, it } from "vitest";
import { ageLabel, isDue } from "./staleness";

const now = new Date("2026-12-04T12:00:00Z");
const ago = (days: number) => new Date(now.getTime() - days * 86_400_000);

describe("staleness", () => {
  it("is due only past the number of days", () => {
    expect(isDue(ago(180), 180, now)).toBe(false);
    expect(isDue(ago(181), 180, now)).toBe(true);
  });
  it("says an age in words a reader uses", () => {
    expect([0, 1, 5, 20, 90, 560, 800].map((days) => ageLabel(ago(days), now))).toEqual([
      "today",
      "yesterday",
      "5 days ago",
      "2 weeks ago",
      "2 months ago",
      "18 months ago",
      "2 years ago",
    ]);
  });
});
