import { describe, expect, it } from "vitest";
import { pricingRead } from "./pricing-read";

describe("pricing read", () => {
  it("says when both start free and how each is priced", () => {
    expect(
      pricingRead(
        { name: "Claude 4 Sonnet", pricingModel: "FREEMIUM", entryPrice: "Free" },
        { name: "SmolVLM2-2B", pricingModel: "OPEN_WEIGHTS", entryPrice: "Free" },
      ),
    ).toBe("Both start free; Claude 4 Sonnet is freemium, SmolVLM2-2B is open weights.");
  });

  it("names both entry prices when they differ", () => {
    expect(
      pricingRead({ name: "A", pricingModel: "PAID", entryPrice: "$10/mo" }, { name: "B", pricingModel: "PAID", entryPrice: "Free" }),
    ).toBe("A starts at $10/mo, B at Free; both are paid.");
  });

  it("does not invent a price that is not published", () => {
    expect(pricingRead({ name: "A", pricingModel: "USAGE", entryPrice: null }, { name: "B", pricingModel: "FREE", entryPrice: "Free" })).toBe(
      "Entry prices are not both published; A is usage-based, B is free.",
    );
  });
});
