import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Redirected, session } from "../helpers/next-mocks";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { TOOL_FIELDS, type ToolInput } from "@/lib/tools/admin-schema";
import type { ToolDetailResponse } from "@/lib/tools/schema";
import { SPECS } from "@/lib/specs/schema";
import { createCategory, createUser, uniqueSlug } from "../helpers/factories";

/**
 * A field of Tool goes end to end or the suite fails: every field of the
 * admin schema (TOOL_FIELDS) has an input in the admin form, is saved by the
 * form's action on create and on edit, is read back for the edit form, and is
 * shown by GET /api/tools/:slug. A new field added to the schema but forgotten
 * in the form, the write or the API shape fails here — it cannot be dropped
 * silently.
 */

vi.mock("@/lib/auth/session", async (original) => ({
  ...(await original<typeof import("@/lib/auth/session")>()),
  getCurrentUser: async () => (await import("../helpers/next-mocks")).session.user,
}));
vi.mock("next/navigation", async () => (await import("../helpers/next-mocks")).navigation);
vi.mock("next/cache", async () => (await import("../helpers/next-mocks")).cache);

const { saveToolAction } = await import("@/lib/tools/actions");
const { ToolForm } = await import("@/components/admin/tool-form");
const { getToolForEdit } = await import("@/lib/tools/queries");
const { GET: toolRoute } = await import("@/app/api/tools/[slug]/route");

type Fact = { value?: unknown; sourceUrl: string | null; checkedOn: string | null } | undefined;
const fact = (tool: ToolDetailResponse, key: string) => (tool.specs as Record<string, Fact>)[key];
/** A spec's value as the form types it: "text, image", "yes", "128000". */
const specText = (value: unknown) => (value === undefined ? "" : Array.isArray(value) ? value.join(", ") : typeof value === "boolean" ? (value ? "yes" : "no") : String(value));
/** Each spec's value, source and check date, in `specs` of GET /api/tools/:slug. */
const SPEC_API_SHAPE = Object.fromEntries(
  SPECS.flatMap((spec) => [
    ...(spec.kind === "column" ? [] : [[spec.key, (tool: ToolDetailResponse) => specText(fact(tool, spec.key)?.value)]]),
    [`${spec.key}Source`, (tool: ToolDetailResponse) => fact(tool, spec.key)?.sourceUrl ?? ""],
    [`${spec.key}Checked`, (tool: ToolDetailResponse) => fact(tool, spec.key)?.checkedOn ?? ""],
  ]),
);

/** Where the public API shows each field. A new field needs an entry here, and so a place in the API. */
const API_SHAPE = {
  ...(SPEC_API_SHAPE as Record<string, (tool: ToolDetailResponse) => unknown>),
  slug: (tool: ToolDetailResponse) => tool.slug,
  name: (tool: ToolDetailResponse) => tool.name,
  vendor: (tool: ToolDetailResponse) => tool.vendor,
  categoryId: (tool: ToolDetailResponse) => tool.category.slug,
  tagline: (tool: ToolDetailResponse) => tool.tagline,
  description: (tool: ToolDetailResponse) => tool.description,
  website: (tool: ToolDetailResponse) => tool.website,
  license: (tool: ToolDetailResponse) => tool.license,
  pricingModel: (tool: ToolDetailResponse) => tool.pricing.model,
  entryPrice: (tool: ToolDetailResponse) => tool.pricing.entry,
  pricingDetail: (tool: ToolDetailResponse) => tool.pricing.detail,
  pricingSourceUrl: (tool: ToolDetailResponse) => tool.pricing.sourceUrl,
  pricingVerifiedAt: (tool: ToolDetailResponse) => tool.pricing.verifiedAt,
  releasedAt: (tool: ToolDetailResponse) => tool.releasedAt,
} as Record<keyof ToolInput, (tool: ToolDetailResponse) => unknown>;

let client: PrismaClient;
let categories: { id: string; slug: string; name: string }[] = [];

beforeAll(async () => {
  client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 2 });
  const staff = await createUser(client, { role: "STAFF" });
  session.user = { id: staff.id, email: staff.email!, name: staff.name, role: "STAFF" };
  categories = [await createCategory(client), await createCategory(client)];
});
afterAll(() => client.$disconnect());

/** A form's worth of values, each different from the other sample, as an editor types them. */
function sample(which: 0 | 1, slug: string): Record<keyof ToolInput, string> {
  return {
    slug,
    name: ["Roundtrip One", "Roundtrip Two"][which]!,
    vendor: ["Vendor One", "Vendor Two"][which]!,
    categoryId: categories[which]!.id,
    tagline: ["The first tagline, long enough", "The second tagline, long enough"][which]!,
    description: ["A first description, comfortably longer than forty characters.", "A second description, comfortably longer than forty characters."][which]!,
    website: ["https://one.example", "https://two.example"][which]!,
    license: ["MIT", "Apache-2.0"][which]!,
    pricingModel: ["FREEMIUM", "USAGE"][which]!,
    entryPrice: ["Free", "$5 per million tokens"][which]!,
    pricingDetail: ["Free tier, then $20 a month.", "Billed per token."][which]!,
    pricingSourceUrl: ["https://one.example/pricing", "https://two.example/pricing"][which]!,
    pricingVerifiedAt: ["2025-06-01", "2026-01-15"][which]!,
    releasedAt: ["2024-03-02", "2025-11-30"][which]!,
    contextWindow: ["128000", "1000000"][which]!,
    inputModalities: ["text, image", "text, image, audio, video"][which]!,
    outputModalities: ["text", "text, audio"][which]!,
    priceInput: ["2.5", "0.15"][which]!,
    priceOutput: ["10", "0.6"][which]!,
    selfHostable: ["no", "yes"][which]!,
    apiAvailable: ["yes", "no"][which]!,
    ...Object.fromEntries(
      SPECS.flatMap((spec, index) => [
        [`${spec.key}Source`, `https://${["one", "two"][which]}.example/specs/${spec.key}`],
        [`${spec.key}Checked`, `202${5 + which}-0${1 + (index % 9)}-1${index % 9}`],
      ]),
    ),
  } as Record<keyof ToolInput, string>;
}

/** What the API shows for a typed value (the category by its slug). */
const apiValue = (field: keyof ToolInput, typed: string) => (field === "categoryId" ? categories.find((c) => c.id === typed)!.slug : typed);
/** What the edit form is refilled with (dates as YYYY-MM-DD). */
const formText = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : value == null ? "" : String(value));

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.append(name, value);
  return data;
}

async function expectEverywhere(values: Record<keyof ToolInput, string>) {
  const stored = await getToolForEdit((await client.tool.findUniqueOrThrow({ where: { slug: values.slug } })).id);
  const response = await toolRoute(new Request(`http://localhost/api/tools/${values.slug}`), { params: Promise.resolve({ slug: values.slug }) });
  expect(response.status).toBe(200);
  const { data } = (await response.json()) as { data: ToolDetailResponse };
  for (const field of TOOL_FIELDS) {
    expect(formText(stored![field]), `${field}: stored and read back for the edit form`).toBe(values[field]);
    expect(API_SHAPE[field](data), `${field}: in GET /api/tools/:slug`).toBe(apiValue(field, values[field]));
  }
}

describe("every field of Tool goes end to end", () => {
  it("the API shape names every field of the admin schema", () => {
    expect(Object.keys(API_SHAPE).sort()).toEqual([...TOOL_FIELDS].sort());
  });

  it("the admin form has an input for every field, empty for a new tool and filled for an edit", () => {
    const empty = renderToStaticMarkup(createElement(ToolForm, { categories }));
    const values = sample(0, "filled");
    const selects = new Set(["categoryId", "pricingModel", "selfHostable", "apiAvailable"]);
    const filled = renderToStaticMarkup(createElement(ToolForm, { categories, tool: { ...values, id: "tool-id", version: "1" } }));
    for (const field of TOOL_FIELDS) {
      expect(empty, `${field}: the new-tool form has no input for it`).toMatch(new RegExp(`name="${field}"`));
      expect(filled, `${field}: the edit form has no input for it`).toMatch(new RegExp(`name="${field}"`));
    }
    // The edit form shows each stored value (selects mark the chosen option).
    for (const field of TOOL_FIELDS.filter((name) => !selects.has(name))) {
      expect(filled, `${field}: the edit form does not show its value`).toContain(values[field]);
    }
  });

  it("a new tool saved through the form keeps every field, and an edit of every field keeps them all", async () => {
    const slug = uniqueSlug("roundtrip");
    const created = sample(0, slug);
    const outcome = await saveToolAction({}, form(created)).then(
      (state) => ({ state }),
      (error: unknown) => ({ error }),
    );
    expect(outcome, "a valid new tool redirects to its edit page").toMatchObject({ error: expect.any(Redirected) });
    await expectEverywhere(created);

    const tool = await client.tool.findUniqueOrThrow({ where: { slug } });
    const edited = sample(1, `${slug}-edited`);
    const state = await saveToolAction({}, form({ ...edited, id: tool.id, expectedVersion: String(tool.version) }));
    expect(state).toMatchObject({ ok: `Saved as version ${tool.version + 1}.` });
    await expectEverywhere(edited);
  });
});
