import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("CSV export cells", () => {
  it("leave plain values alone and write dates as ISO", () => {
    expect(csvCell("a@example.com")).toBe("a@example.com");
    expect(csvCell(new Date("2026-11-24T10:00:00Z"))).toBe("2026-11-24T10:00:00.000Z");
    expect(csvCell(null)).toBe("");
  });

  it("quote commas, quotes and line breaks, doubling the quotes", () => {
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
  });

  it.each(["=HYPERLINK(\"x\")", "+1", "-1+2", "@SUM(A1)", "\tx", "\rx"])("neutralise a formula: %j", (value) => {
    const cell = csvCell(value);
    expect(cell.replace(/^"/, "").startsWith("'")).toBe(true);
  });

  it("build rows with CRLF line ends", () => {
    expect(toCsv(["email", "confirmedAt"], [["a@x.test", new Date(0)]])).toBe("email,confirmedAt\r\na@x.test,1970-01-01T00:00:00.000Z\r\n");
  });
});
