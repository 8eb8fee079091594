"use client";

import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";
import { ViewerProvider } from "./viewer";

/**
 * The shell's markup: header, main landmark and footer around the page, inside the page's reader (GET /api/me).
 * A client component so the RSC payload names it once with two props instead of carrying the header's and
 * footer's elements; Next renders the not-found and forbidden boundaries' shells into every page's payload
 * (three of them), and they cost a render each time. The header and footer are static: nothing in them comes from the server.
 */
export function SiteFrame({ member, narrow, children }: { member: boolean; narrow: boolean; children: React.ReactNode }) {
  return (
    <ViewerProvider>
      <div className="flex min-h-dvh flex-col" data-viewer={member ? "member" : "guest"} suppressHydrationWarning>
        <SiteHeader />
        <main id="main" className={`mx-auto w-full flex-1 px-4 sm:px-6 ${narrow ? "max-w-md" : "max-w-6xl"}`}>
          {children}
        </main>
        <SiteFooter />
      </div>
    </ViewerProvider>
  );
}
