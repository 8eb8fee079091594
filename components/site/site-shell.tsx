import { headers } from "next/headers";
import { hasSessionCookie } from "@/lib/auth/cookies";
import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";
import { ViewerProvider } from "./viewer";

/** Header, main landmark and footer shared by every public page (the footer stays at the bottom), and the page's reader (GET /api/me). */
export async function SiteShell({ children, narrow = false }: { children: React.ReactNode; narrow?: boolean }) {
  // Whether this request carried a session cookie: a hint for the first paint (`member:` CSS variants), never a
  // proof of who it is. The page cache renders pages signed out and turns it to "member" per answer (lib/page-cache/serve.ts).
  const member = hasSessionCookie((await headers()).get("cookie"));
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
