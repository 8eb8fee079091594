/**
 * Escaping for what the site writes into XML (the Atom feed) and into inline
 * `<script type="application/ld+json">` (JSON-LD). Pure, unit-tested: every
 * string here can come from a staff-edited field.
 */

/**
 * Characters XML 1.0 cannot carry at all, not even escaped: C0 controls other
 * than tab/newline/return, lone surrogates, U+FFFE and U+FFFF. A feed with one
 * of them is not well-formed, so they are dropped.
 */
const INVALID_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const XML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text safe in XML element content and in attribute values (either quote). */
export function escapeXml(text: string): string {
  return text.replace(INVALID_XML_CHARS, "").replace(/[&<>"']/g, (char) => XML_ENTITIES[char]!);
}

/**
 * JSON for an inline `<script>` element. JSON.stringify alone lets a stored
 * `</script>` (or `<!--`) in a tool name end the element and inject markup;
 * escaping `<`, `>` and `&` as \u003c, \u003e, \u0026 keeps the same JSON
 * value while no HTML parser can see a tag in it. U+2028/U+2029 are escaped
 * too, for the old JavaScript parsers that treat them as line ends.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
