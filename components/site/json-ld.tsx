import { serializeJsonLd } from "@/lib/sharing/escape";

/** Structured data for search engines; serialised so no stored text can close the script element. */
export function JsonLd({ data }: { data: object }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
