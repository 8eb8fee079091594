import { NextResponse } from "next/server";
import { openApiDocument } from "@/lib/openapi/document";

/** GET /api/openapi.json — the API's OpenAPI 3.1 document, generated from its zod schemas (docs/decisions/036). */
export function GET() {
  return NextResponse.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
