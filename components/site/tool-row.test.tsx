import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { toolScores } from "@/lib/scores";
import type { ToolCard } from "@/lib/tools/select";
import { ToolRow } from "./tool-row";

const card = (communityShip: number, communityTotal: number, panelShip = 3, panelTotal = 4) =>
  ({
    slug: "aider",
    name: "Aider",
    vendor: "Paul Gauthier",
    tagline: "Pair programming in your terminal",
    scores: toolScores({ panelShip, panelTotal, communityShip, communityTotal }),
  }) as unknown as ToolCard;

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("a tool row's community figure", () => {
  it("shows a thin sample as provisional with its vote count, never a bold percentage", () => {
    const html = renderToStaticMarkup(<ToolRow tool={card(2, 2)} />);
    expect(text(html)).toContain("Community 2 votes provisional");
    expect(text(html)).not.toContain("100%");
  });

  it("shows an established figure in bold with its vote count", () => {
    const html = renderToStaticMarkup(<ToolRow tool={card(6, 8)} />);
    expect(text(html)).toContain("Community 75% 8 votes");
    expect(html).toMatch(/font-semibold tabular-nums">75%/);
  });

  it("shows a dash with no votes, and the disagreement badge when panel and community part ways", () => {
    expect(text(renderToStaticMarkup(<ToolRow tool={card(0, 0)} />))).toContain("Community — no votes");
    expect(text(renderToStaticMarkup(<ToolRow tool={card(1, 10)} />))).toContain("Panel ships, community skips");
  });
});
