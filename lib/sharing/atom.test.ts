import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { renderAtomFeed, type AtomFeed } from "./atom";

const hostile = `A & B <script>alert("x")</script> 'quoted' ]]> \u0000\u0008`;

const feed: AtomFeed = {
  id: "https://example.test/",
  title: `Ship & Skip <new>`,
  subtitle: hostile,
  link: "https://example.test/",
  self: "https://example.test/feed.xml?a=1&b=2",
  updated: new Date("2026-01-02T03:04:05Z"),
  author: { name: "Ship or Skip", uri: "https://example.test/" },
  entries: [
    {
      id: "tag:example.test,2026-01-01:comparison:abc",
      title: hostile,
      link: "https://example.test/compare/a-vs-b?x=1&y=2",
      published: new Date("2026-01-01T00:00:00Z"),
      updated: new Date("2026-01-02T00:00:00Z"),
      summary: hostile,
      categories: ["Vision & Audio"],
    },
  ],
};

describe("renderAtomFeed", () => {
  it("is well-formed XML whatever the text holds", () => {
    const xml = renderAtomFeed(feed);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain("<script>");
    expect(xml).not.toContain("\u0000");
  });

  it("carries the text, links and dates back out exactly", () => {
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", trimValues: false, isArray: (name) => name === "entry" || name === "link" }).parse(
      renderAtomFeed(feed),
    );
    const root = parsed.feed;
    expect(root["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(root.title["#text"]).toBe("Ship & Skip <new>");
    expect(root.link.find((l: { "@rel": string }) => l["@rel"] === "self")["@href"]).toBe("https://example.test/feed.xml?a=1&b=2");
    expect(root.updated).toBe("2026-01-02T03:04:05.000Z");
    const [entry] = root.entry;
    const clean = hostile.replace(/[\u0000\u0008]/g, "");
    expect(entry.title["#text"]).toBe(clean);
    expect(entry.summary["#text"]).toBe(clean);
    expect(entry.link[0]["@href"]).toBe("https://example.test/compare/a-vs-b?x=1&y=2");
    expect(entry.id).toBe("tag:example.test,2026-01-01:comparison:abc");
    expect(entry.category["@term"]).toBe("Vision & Audio");
  });

  it("is valid with no entries", () => {
    expect(XMLValidator.validate(renderAtomFeed({ ...feed, entries: [] }))).toBe(true);
  });
});
