import type { CSSProperties, ReactNode } from "react";
import { site } from "@/lib/site/config";

/**
 * The frame of every email: tables and inline styles only, because mail
 * clients ignore stylesheets and most of modern CSS. Rendered to static HTML
 * by lib/email/render.ts.
 */

export const colors = {
  ink: "#1c1917",
  body: "#44403c",
  muted: "#78716c",
  line: "#e7e5e4",
  page: "#f5f5f4",
  ship: "#047857",
  skip: "#b91c1c",
} as const;

const font = "system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

export const text = {
  eyebrow: { margin: "0 0 8px", fontSize: 13, fontWeight: 600, letterSpacing: ".08em", textTransform: "uppercase", color: colors.ship },
  h1: { margin: "0 0 16px", fontSize: 22, lineHeight: 1.3, color: colors.ink },
  h2: { margin: "28px 0 12px", fontSize: 17, lineHeight: 1.3, color: colors.ink },
  p: { margin: "0 0 16px", fontSize: 15, lineHeight: 1.6, color: colors.body },
  small: { margin: "0 0 8px", fontSize: 13, lineHeight: 1.5, color: colors.muted },
  link: { color: colors.ship, fontWeight: 600, textDecoration: "underline" },
} satisfies Record<string, CSSProperties>;

export function EmailButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <table role="presentation" cellPadding={0} cellSpacing={0} style={{ margin: "8px 0 24px" }}>
      <tbody>
        <tr>
          <td style={{ borderRadius: 10, background: colors.ink }}>
            <a
              href={href}
              style={{ display: "inline-block", padding: "12px 20px", color: "#ffffff", fontSize: 15, fontWeight: 600, textDecoration: "none", fontFamily: font }}
            >
              {children}
            </a>
          </td>
        </tr>
      </tbody>
    </table>
  );
}

export function EmailLayout({ title, preview, footer, children }: { title: string; preview: string; footer: ReactNode; children: ReactNode }) {
  return (
    <html lang="en">
      {/* An email document, not a Next page: next/head does not apply. */}
      {/* eslint-disable-next-line @next/next/no-head-element */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <title>{title}</title>
      </head>
      <body style={{ margin: 0, padding: 0, background: colors.page, fontFamily: font, color: colors.ink }}>
        {/* The preview line mail clients show next to the subject. */}
        <div style={{ display: "none", maxHeight: 0, overflow: "hidden" }}>{preview}</div>
        <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} style={{ background: colors.page }}>
          <tbody>
            <tr>
              <td align="center" style={{ padding: "40px 16px" }}>
                <table
                  role="presentation"
                  width="100%"
                  cellPadding={0}
                  cellSpacing={0}
                  style={{ maxWidth: 560, background: "#ffffff", borderRadius: 16, border: `1px solid ${colors.line}` }}
                >
                  <tbody>
                    <tr>
                      <td style={{ padding: 32 }}>
                        <p style={text.eyebrow}>{site.name}</p>
                        {children}
                      </td>
                    </tr>
                  </tbody>
                </table>
                <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} style={{ maxWidth: 560 }}>
                  <tbody>
                    <tr>
                      <td style={{ padding: "16px 32px", fontSize: 12, lineHeight: 1.5, color: colors.muted }}>{footer}</td>
                    </tr>
                  </tbody>
                </table>
              </td>
            </tr>
          </tbody>
        </table>
      </body>
    </html>
  );
}
