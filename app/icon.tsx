import { iconResponse } from "@/lib/site/icon";

/** The browser tab's icon and the web manifest's, from the one mark (lib/site/icon.tsx): /icon/32, /icon/192, /icon/512. */
export function generateImageMetadata() {
  return [32, 192, 512].map((size) => ({ id: String(size), size: { width: size, height: size }, contentType: "image/png" }));
}

export default async function Icon({ id }: { id: Promise<string> }) {
  const size = Number(await id);
  return iconResponse([32, 192, 512].includes(size) ? size : 32);
}
