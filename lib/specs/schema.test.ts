import { describe, expect, it } from "vitest";
import { toolInputSchema } from "@/lib/tools/admin-schema";
import { readSpecs, specsFromFields, specsToFields, type SpecFieldsWithColumns } from "./schema";

const base = {
  slug: "spec-tool",
  name: "Spec Tool",
  vendor: "Acme",
  categoryId: "cat",
  tagline: "A tagline long enough",
  description: "A description that is comfortably longer than forty characters.",
  pricingModel: "USAGE",
};

const parse = (fields: Record<string, string>) => toolInputSchema.safeParse({ ...base, ...fields });
const errors = (fields: Record<string, string>) => {
  const result = parse(fields);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
};

describe("spec fields as typed in the admin form", () => {
  it("reads token counts with separators and k/M suffixes, and refuses the rest", () => {
    for (const [typed, tokens] of [["128000", 128000], ["128,000", 128000], ["128k", 128000], ["1M", 1000000], ["1.5m", 1500000], ["10 000 000", 10000000]] as const) {
      expect(parse({ contextWindow: typed }).data?.contextWindow, typed).toBe(tokens);
    }
    for (const typed of ["0", "-5", "lots", "1e6", "200000001", "12.5"]) {
      expect(errors({ contextWindow: typed }).contextWindow, typed).toMatch(/whole number of tokens/);
    }
  });

  it("reads prices in US dollars per million tokens", () => {
    expect(parse({ priceInput: "$2.50" }).data?.priceInput).toBe(2.5);
    expect(parse({ priceOutput: "0" }).data?.priceOutput).toBe(0);
    expect(errors({ priceInput: "€3" }).priceInput).toMatch(/US dollars/);
    expect(errors({ priceInput: "1.23456" }).priceInput).toMatch(/four decimals/);
  });

  it("puts modalities in one order, each once, and refuses unknown ones", () => {
    expect(parse({ inputModalities: "Video, text,image text" }).data?.inputModalities).toBe("text, image, video");
    expect(errors({ outputModalities: "text, smell" }).outputModalities).toMatch(/text, image, audio or video/);
  });

  it("refuses a source or a check date without the fact it supports, a check in the future and a non-https source", () => {
    const refused = errors({ contextWindowSource: "https://example.com", priceInputChecked: "2025-01-01", licenseSource: "https://example.com/licence" });
    expect(refused.contextWindowSource).toMatch(/context window this supports/);
    expect(refused.priceInputChecked).toMatch(/input price this supports/);
    expect(refused.licenseSource).toMatch(/licence this supports/);
    expect(errors({ contextWindow: "8k", contextWindowChecked: "2999-01-01" }).contextWindowChecked).toMatch(/future/);
    expect(errors({ contextWindow: "8k", contextWindowSource: "http://example.com" }).contextWindowSource).toMatch(/https/);
    expect(errors({ selfHostable: "maybe" }).selfHostable).toBeDefined();
  });

  it("stores only known facts and reads them back as the form typed them", () => {
    const parsed = parse({
      contextWindow: "200k",
      contextWindowSource: "https://example.com/models",
      contextWindowChecked: "2025-06-01",
      inputModalities: "text, image",
      selfHostable: "no",
      license: "MIT",
      licenseSource: "https://example.com/licence",
    });
    expect(parsed.success).toBe(true);
    const stored = specsFromFields(parsed.data as unknown as SpecFieldsWithColumns);
    expect(stored).toEqual({
      contextWindow: { value: 200000, sourceUrl: "https://example.com/models", checkedOn: "2025-06-01" },
      inputModalities: { value: ["text", "image"], sourceUrl: null, checkedOn: null },
      license: { sourceUrl: "https://example.com/licence", checkedOn: null },
      selfHostable: { value: false, sourceUrl: null, checkedOn: null },
    });
    // jsonb hands keys back in its own order: the round trip does not depend on it.
    const fields = specsToFields(JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(stored).reverse()))));
    expect(fields).toMatchObject({ contextWindow: 200000, inputModalities: "text, image", selfHostable: "no", outputModalities: null, priceInput: null, licenseSource: "https://example.com/licence" });
    expect(fields.contextWindowChecked?.toISOString().slice(0, 10)).toBe("2025-06-01");
  });

  it("reads anything not in the stored shape as unknown", () => {
    expect(readSpecs({ contextWindow: { value: "big" } })).toEqual({});
    expect(readSpecs(null)).toEqual({});
  });
});
