import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";

/** Header, main landmark and footer shared by every public page. */
export function SiteShell({ children, narrow = false }: { children: React.ReactNode; narrow?: boolean }) {
  return (
    <>
      <SiteHeader />
      <main id="main" className={`mx-auto px-4 sm:px-6 ${narrow ? "max-w-md" : "max-w-6xl"}`}>
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
