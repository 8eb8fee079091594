import { describe, expect, it } from "vitest";
import { listPageHref, pageBeyondLast } from "./pagination";

describe("page numbers past the end of a list", () => {
  it("go to the last page", () => {
    expect(pageBeyondLast(99, 2)).toBe(2);
    expect(pageBeyondLast(3, 2)).toBe(2);
  });

  it("go to page 1 when the list fits on one page or is empty", () => {
    expect(pageBeyondLast(2, 1)).toBe(1);
    expect(pageBeyondLast(5, 0)).toBe(1);
  });

  it("stay where they are in range", () => {
    expect(pageBeyondLast(1, 0)).toBeNull();
    expect(pageBeyondLast(1, 1)).toBeNull();
    expect(pageBeyondLast(2, 2)).toBeNull();
  });
});

describe("a list page's address", () => {
  it("keeps the view's parameters, leaves empty ones and page 1 out", () => {
    expect(listPageHref("/admin/moderation", { view: undefined }, 1)).toBe("/admin/moderation");
    expect(listPageHref("/admin/moderation", { view: "hidden" }, 1)).toBe("/admin/moderation?view=hidden");
    expect(listPageHref("/admin/suggestions", { view: "decided" }, 3)).toBe("/admin/suggestions?view=decided&page=3");
    expect(listPageHref("/admin/suggestions", { view: "" }, 2)).toBe("/admin/suggestions?page=2");
  });
});
