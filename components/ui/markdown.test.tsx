import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "./markdown";

const payloads = [
  `<script>alert("x")</script>`,
  `<img src=x onerror="alert(1)">`,
  `[click](javascript:alert(1))`,
  `[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
  `<a href="javascript:alert(1)">raw link</a>`,
  `![img](javascript:alert(1))`,
  `<iframe src="https://evil.example"></iframe>`,
  `<svg onload=alert(1)>`,
];

describe("Markdown rendering of staff text", () => {
  it.each(payloads)("renders %s inert", (payload) => {
    const html = renderToStaticMarkup(<Markdown>{`Before ${payload} after`}</Markdown>);
    expect(html).not.toMatch(/<script|<img|<iframe|<svg|onerror|onload|javascript:|data:text/i);
    expect(html).toContain("Before");
  });

  it("keeps ordinary emphasis, lists and safe links", () => {
    const html = renderToStaticMarkup(<Markdown>{"**Bold** and _soft_\n\n- one\n- two\n\n[docs](https://example.com/docs)"}</Markdown>);
    expect(html).toContain("<strong>Bold</strong>");
    expect(html).toContain("<em>soft</em>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain('href="https://example.com/docs"');
    expect(html).toContain('rel="nofollow noopener noreferrer"');
  });

  it("renders a text it has seen before the same way, and an edited text as edited", () => {
    const first = renderToStaticMarkup(<Markdown>{"Ships **fast**."}</Markdown>);
    expect(renderToStaticMarkup(<Markdown className="x">{"Ships **fast**."}</Markdown>)).toBe(first.replace('class="space-y-3 "', 'class="space-y-3 x"'));
    expect(renderToStaticMarkup(<Markdown>{"Ships **slowly**."}</Markdown>)).toContain("<strong>slowly</strong>");
  });
});
