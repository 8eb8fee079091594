"use client";

import Script from "next/script";
import { useEffect, useState } from "react";

declare module "react" {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      "rapi-doc": React.DetailedHTMLProps<React.HTMLAttributes<HTMLElement>, HTMLElement> & Record<string, string | undefined>;
    }
  }
}

const darkQuery = "(prefers-color-scheme: dark)";

/**
 * The OpenAPI document rendered by RapiDoc (a web component, served from this
 * origin by /api/docs/rapidoc.js; Next's script loader adds it, so the page's
 * nonce policy trusts it). Fonts are the site's own: nothing is fetched elsewhere.
 */
export function ApiReference() {
  // The scheme is known only in the browser: the viewer mounts once it is, so it never re-renders for a theme flip.
  const [dark, setDark] = useState<boolean | null>(null);
  useEffect(() => {
    const media = window.matchMedia(darkQuery);
    const update = () => setDark(media.matches);
    update();
    media.addEventListener("change", update);
    return () => media.removeEventListener("change", update);
  }, []);
  return (
    <>
      <Script src="/api/docs/rapidoc.js" strategy="afterInteractive" />
      {dark === null ? null : <rapi-doc
        key={dark ? "dark" : "light"}
        spec-url="/api/openapi.json"
        render-style="read"
        layout="column"
        theme={dark ? "dark" : "light"}
        bg-color={dark ? "#0c0a09" : "#fafaf9"}
        primary-color="#047857"
        nav-bg-color={dark ? "#1c1917" : "#f5f5f4"}
        nav-text-color={dark ? "#e7e5e4" : "#292524"}
        nav-hover-bg-color={dark ? "#292524" : "#e7e5e4"}
        regular-font="Inter Variable, Inter, system-ui, sans-serif"
        mono-font="ui-monospace, SFMono-Regular, Menlo, monospace"
        show-header="false"
        load-fonts="false"
        allow-authentication="false"
        allow-server-selection="false"
        allow-try="true"
        show-method-in-nav-bar="as-colored-block"
        className="block h-dvh w-full"
      />}
    </>
  );
}
