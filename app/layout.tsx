import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import { site } from "@/lib/site/config";
import { env } from "@/lib/env";
import { feedAlternate } from "@/lib/site/metadata";
import "./globals.css";

// Self-hosted (no font download at build or run time).
const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  weight: "100 900",
  display: "swap",
});

export const metadata: Metadata = {
  metadataBase: new URL(env.SITE_URL),
  title: { default: `${site.name} — ${site.tagline}`, template: `%s · ${site.name}` },
  description: site.description,
  applicationName: site.name,
  alternates: { types: feedAlternate },
  openGraph: { type: "website", siteName: site.name, locale: "en_US", title: `${site.name} — ${site.tagline}`, description: site.description },
  twitter: { card: "summary_large_image" },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fafaf9" },
    { media: "(prefers-color-scheme: dark)", color: "#0c0a09" },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={inter.variable}>
      <body className="min-h-dvh font-sans">{children}</body>
    </html>
  );
}
