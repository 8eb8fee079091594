import { ImageResponse } from "next/og";

/**
 * The site's mark — the one source of every icon (favicon, app icons, the web
 * manifest's): a rounded dark square with a green "S" drawn as a stroke, so it
 * needs no font. Colours are the site's stone-900 and ship-400.
 */
export const ICON_BACKGROUND = "#1c1917";
export const ICON_FOREGROUND = "#34d399";

export function IconMark({ size }: { size: number }) {
  return (
    <div
      style={{
        width: size,
        height: size,
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        background: ICON_BACKGROUND,
        borderRadius: Math.round(size * 0.22),
      }}
    >
      <svg width={size} height={size} viewBox="0 0 64 64">
        <path
          d="M43 20.5c-2.6-3.2-6.4-5-10.8-5-6.4 0-10.7 3.4-10.7 8.3 0 11.4 21.4 7.4 21.4 17.6 0 5.2-4.7 8.9-11.2 8.9-4.9 0-9.1-2-11.7-5.4"
          fill="none"
          stroke={ICON_FOREGROUND}
          strokeWidth={6.5}
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
    </div>
  );
}

/** The mark as a PNG of `size` pixels square. */
export function iconResponse(size: number, init: ResponseInit = {}): ImageResponse {
  return new ImageResponse(<IconMark size={size} />, { width: size, height: size, ...init });
}
