import type { Metadata } from "next";
import { ApiReference } from "@/components/site/api-reference";

export const metadata: Metadata = {
  title: "API reference",
  description: "The Ship or Skip JSON API: every operation, its parameters and its answers, from /api/openapi.json.",
};

/** /api/docs — the API's reference, rendered in the browser from the OpenAPI document (docs/decisions/036). */
export default function ApiDocsPage() {
  return (
    <main>
      <h1 className="sr-only">Ship or Skip API reference</h1>
      <noscript>
        <p className="p-6">
          The reference needs JavaScript. The document itself is at <a href="/api/openapi.json">/api/openapi.json</a>.
        </p>
      </noscript>
      <ApiReference />
    </main>
  );
}
