import type { MetadataRoute } from "next";
import { ICON_BACKGROUND } from "@/lib/site/icon";
import { site } from "@/lib/site/config";

/** The web manifest (/manifest.webmanifest): the site's name and its icons, all from the one mark. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: site.name,
    short_name: site.name,
    description: site.description,
    start_url: "/",
    display: "standalone",
    background_color: "#fafaf9",
    theme_color: ICON_BACKGROUND,
    icons: [
      { src: "/icon/192", sizes: "192x192", type: "image/png" },
      { src: "/icon/512", sizes: "512x512", type: "image/png" },
      { src: "/apple-icon", sizes: "180x180", type: "image/png" },
    ],
  };
}
