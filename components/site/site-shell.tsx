import { headers } from "next/headers";
import { hasSessionCookie } from "@/lib/auth/cookies";
import { SiteFrame } from "./site-frame";

/** Header, main landmark and footer shared by every public page (the footer stays at the bottom), and the page's reader (GET /api/me). */
export async function SiteShell({ children, narrow = false }: { children: React.ReactNode; narrow?: boolean }) {
  // Whether this request carried a session cookie: a hint for the first paint (`member:` CSS variants), never a
  // proof of who it is. The page cache renders pages signed out and turns it to "member" per answer (lib/page-cache/serve.ts).
  const member = hasSessionCookie((await headers()).get("cookie"));
  return (
    <SiteFrame member={member} narrow={narrow}>
      {children}
    </SiteFrame>
  );
}
