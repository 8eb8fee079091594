import { iconResponse } from "@/lib/site/icon";

export const size = { width: 180, height: 180 };
export const contentType = "image/png";

/** The home-screen icon on iOS, from the one mark (lib/site/icon.tsx). */
export default function AppleIcon() {
  return iconResponse(180);
}
