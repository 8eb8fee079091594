import createDOMPurify, { type DOMPurify, type WindowLike } from "dompurify";
import { JSDOM } from "jsdom";
import { LOGO_MAX_BYTES, TOO_BIG_MESSAGE } from "./limits";
import type { LogoCheck } from "./validate";

/**
 * SVG logos: parsed and sanitised by DOMPurify (its SVG profile) on a jsdom
 * window, then checked again, so what is stored is an inert picture. DOMPurify
 * is what browsers' own sanitiser work grew out of, is kept current against
 * mutation-XSS findings, and jsdom is the server DOM its authors test against.
 *
 * Refused, with a message naming why: a document that is not one <svg> root;
 * a DOCTYPE or entity declaration (the "billion laughs" bomb, external
 * entities); anything DOMPurify had to remove because it could run or reach
 * out — scripts, event handlers, javascript: links, <foreignObject> — and,
 * after sanitising, any reference outside the document (href, url(), @import)
 * that DOMPurify lets through on purpose for web pages. Harmless leftovers of
 * drawing tools (editor metadata) are dropped quietly and the rest is stored.
 */

const SVG_NS = "http://www.w3.org/2000/svg";

let purifier: { purify: DOMPurify; window: JSDOM["window"] } | null = null;
function getPurifier() {
  if (!purifier) {
    const { window } = new JSDOM("");
    purifier = { purify: createDOMPurify(window as unknown as WindowLike), window };
  }
  return purifier;
}

const unsafe = (message: string): LogoCheck => ({ ok: false, code: "unsafe_svg", message: `This SVG is not safe to show: ${message} Export it again as a plain drawing.` });

/** Elements that run code or embed other documents: never in a logo. */
const ACTIVE_ELEMENTS = new Set(["script", "foreignobject", "iframe", "embed", "object", "handler", "listener", "set", "animate", "animatemotion", "animatetransform"]);

/** Why DOMPurify's removals make this SVG unsafe (null when it only dropped harmless leftovers). */
function dangerRemoved(removed: DOMPurify["removed"]): string | null {
  for (const entry of removed) {
    if ("element" in entry && entry.element) {
      const name = entry.element.nodeName.toLowerCase();
      if (name === "script") return "it holds a script.";
      if (name === "foreignobject") return "it embeds foreign content (<foreignObject>).";
      if (ACTIVE_ELEMENTS.has(name)) return `it holds an active <${entry.element.nodeName}> element.`;
    } else if ("attribute" in entry && entry.attribute) {
      const name = entry.attribute.name.toLowerCase();
      if (name.startsWith("on")) return `it has an event handler (${entry.attribute.name}).`;
      if (name === "href" || name === "xlink:href" || name === "src" || name === "action" || name === "formaction") return "it links to a script or another document.";
    }
  }
  return null;
}

/** A url(…) or @import that reaches outside the document (a fragment, `url(#gradient)`, stays inside). */
const EXTERNAL_CSS = /@import|url\(\s*(?!['"]?#)/i;

/** What is still wrong after sanitising: this is the last line, so it is strict. */
function remainingDanger(root: Element): string | null {
  for (const element of [root, ...root.querySelectorAll("*")]) {
    const name = element.localName.toLowerCase();
    if (ACTIVE_ELEMENTS.has(name)) return `it holds an active <${element.localName}> element.`;
    if (name === "style" && EXTERNAL_CSS.test(element.textContent ?? "")) return "its styles load something from elsewhere.";
    for (const attribute of element.attributes) {
      const attr = attribute.name.toLowerCase();
      if (attr.startsWith("on")) return `it has an event handler (${attribute.name}).`;
      if ((attr === "href" || attr.endsWith(":href")) && !attribute.value.trim().startsWith("#")) return "it refers to an image or page outside itself.";
      if (EXTERNAL_CSS.test(attribute.value)) return "it loads something from elsewhere.";
    }
  }
  return null;
}

export function sanitizeSvg(bytes: Buffer): LogoCheck {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, code: "wrong_format", message: "This file is not a PNG, WebP or SVG image." };
  }
  if (!/<svg[\s>/]/i.test(text)) return { ok: false, code: "wrong_format", message: "This file is not a PNG, WebP or SVG image." };
  // The document must open with its <svg> root (after an XML declaration and comments at most): not an HTML page around one.
  if (!/^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<svg[\s>/]/i.test(text) && !/^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?<!DOCTYPE/i.test(text)) {
    return { ok: false, code: "not_svg", message: "This SVG must be a single <svg> drawing (nothing before or after it)." };
  }
  // Parsed as HTML a DOCTYPE is ignored, but its entities are a bomb or a file read to any XML reader of the stored bytes.
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return unsafe("it declares a DOCTYPE or entities.");

  const { purify, window } = getPurifier();
  const fragment = purify.sanitize(text, { USE_PROFILES: { svg: true, svgFilters: true }, RETURN_DOM_FRAGMENT: true });
  const removedDanger = dangerRemoved(purify.removed);
  if (removedDanger) return unsafe(removedDanger);

  const strayText = [...fragment.childNodes].some((node) => node.nodeType === window.Node.TEXT_NODE && node.textContent?.trim());
  const [root, ...others] = [...fragment.children];
  if (!root || others.length > 0 || strayText || root.namespaceURI !== SVG_NS || root.localName !== "svg") {
    return { ok: false, code: "not_svg", message: "This SVG must be a single <svg> drawing (nothing before or after it)." };
  }
  const remaining = remainingDanger(root);
  if (remaining) return unsafe(remaining);

  const sanitized = Buffer.from(new window.XMLSerializer().serializeToString(root), "utf8");
  if (sanitized.byteLength > LOGO_MAX_BYTES) return { ok: false, code: "too_big", message: TOO_BIG_MESSAGE };
  return { ok: true, contentType: "image/svg+xml", bytes: sanitized, width: null, height: null };
}
