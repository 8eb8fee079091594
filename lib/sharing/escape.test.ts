import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { escapeXml, serializeJsonLd } from "./escape";

describe("escapeXml", () => {
  it("escapes the five XML special characters", () => {
    expect(escapeXml(`Tom & Jerry's <b>"AI"</b>`)).toBe("Tom &amp; Jerry&apos;s &lt;b&gt;&quot;AI&quot;&lt;/b&gt;");
  });

  it("escapes an ampersand that already looks like an entity (no double meaning)", () => {
    expect(escapeXml("&amp; &#x3c;")).toBe("&amp;amp; &amp;#x3c;");
  });

  it("drops control characters XML 1.0 cannot carry, keeps tab, newline and return", () => {
    expect(escapeXml("a\u0000b\u0007c\u001Fd\tе\n\r")).toBe("abcd\tе\n\r");
    expect(escapeXml("x\uFFFEy\uFFFFz")).toBe("xyz");
  });

  it("drops lone surrogates but keeps astral characters", () => {
    expect(escapeXml("a\uD800b\uDC00c")).toBe("abc");
    expect(escapeXml("robot 🤖 ok")).toBe("robot 🤖 ok");
  });

  it("keeps non-ASCII text as it is", () => {
    expect(escapeXml("Ünïcödé — «quotes» · 日本語")).toBe("Ünïcödé — «quotes» · 日本語");
  });

  it("round-trips through an XML parser in content and in attributes", () => {
    const nasty = `</title><evil attr='x'>&nbsp;"]]>\u0001`;
    const xml = `<?xml version="1.0" encoding="utf-8"?><root><title a="${escapeXml(nasty)}" b='${escapeXml(nasty)}'>${escapeXml(nasty)}</title></root>`;
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", processEntities: true, htmlEntities: false }).parse(xml);
    const expected = nasty.replace("\u0001", "");
    expect(parsed.root.title["#text"]).toBe(expected);
    expect(parsed.root.title["@a"]).toBe(expected);
    expect(parsed.root.title["@b"]).toBe(expected);
  });
});

describe("serializeJsonLd", () => {
  const hostile = { name: `</script><script>alert(1)</script><!-- & \u2028\u2029` };

  it("never lets a stored </script> or <!-- close the script element", () => {
    const out = serializeJsonLd(hostile);
    expect(out).not.toMatch(/<\/?script/i);
    expect(out).not.toContain("<!--");
    expect(out).not.toContain("<");
    expect(out).not.toContain(">");
    expect(out).not.toContain("&");
    expect(out).not.toMatch(/[\u2028\u2029]/);
  });

  it("is still the same JSON value", () => {
    expect(JSON.parse(serializeJsonLd(hostile))).toEqual(hostile);
    const nested = { "@type": "Thing", list: [1, "a<b", { deep: "x>y&z" }], none: null };
    expect(JSON.parse(serializeJsonLd(nested))).toEqual(nested);
  });
});
