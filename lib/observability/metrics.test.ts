import { describe, expect, it } from "vitest";
import { maskEmails } from "./log";
import { routeLabel } from "./metrics";

describe("the route label", () => {
  it("names each route by its pattern", () => {
    expect(routeLabel("/")).toBe("/");
    expect(routeLabel("/tools/claude-4-sonnet")).toBe("/tools/[slug]");
    expect(routeLabel("/tools/claude-4-sonnet/history/priya")).toBe("/tools/[slug]/history/[reviewer]");
    expect(routeLabel("/compare/a-vs-b")).toBe("/compare/[slug]");
    expect(routeLabel("/api/tools/a/vote")).toBe("/api/tools/[slug]/vote");
    expect(routeLabel("/api/reasons/123/helpful")).toBe("/api/reasons/[id]/helpful");
    expect(routeLabel("/api/health/live")).toBe("/api/health/live");
    expect(routeLabel("/admin/jobs")).toBe("/admin/jobs");
    expect(routeLabel("/admin/tools/abc")).toBe("/admin/tools");
    expect(routeLabel("/icon/192")).toBe("/icon/192");
  });

  it("has a bounded set of values whatever a client sends", () => {
    const labels = new Set<string>();
    const sent: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const junk = `q${Math.random().toString(36).slice(2)}`;
      sent.push(junk);
      for (const path of [`/${junk}`, `/admin/${junk}`, `/api/${junk}`, `/tools/${junk}`, `/icon/${i}`, `/api/tools/${junk}/${junk}`, `/compare/${junk}/${junk}`]) labels.add(routeLabel(path));
    }
    expect(labels.size).toBeLessThan(12);
    expect([...labels].filter((label) => sent.some((junk) => label.includes(junk)))).toEqual([]);
  });
});

describe("email masking", () => {
  it("keeps a first letter and the domain", () => {
    expect(maskEmails("sent to priya.raman+x@example.co.uk, cc bo@ex.org")).toBe("sent to p•••@example.co.uk, cc b•••@ex.org");
  });
});
