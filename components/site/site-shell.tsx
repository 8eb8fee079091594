import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";

/** Header, main landmark and footer shared by every public page; the footer stays at the bottom. */
export function SiteShell({ children, narrow = false }: { children: React.ReactNode; narrow?: boolean }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader />
      <main id="main" className={`mx-auto w-full flex-1 px-4 sm:px-6 ${narrow ? "max-w-md" : "max-w-6xl"}`}>
        {children}
      </main>
      <SiteFooter />
    </div>
  );
}
