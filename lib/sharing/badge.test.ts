import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { toolScores } from "@/lib/scores";
import { site } from "@/lib/site/config";
import { badgeMessage, renderMissingBadge, renderToolBadge } from "./badge";

const scores = (panelShip: number, panelTotal: number, communityShip: number, communityTotal: number) =>
  toolScores({ panelShip, panelTotal, communityShip, communityTotal });

describe("badgeMessage", () => {
  it("shows both figures once the community figure is established", () => {
    expect(badgeMessage(scores(3, 4, 5, 8))).toBe("panel 75% · community 63%");
  });

  it('says "—" without votes and counts votes while there are too few', () => {
    expect(badgeMessage(scores(4, 4, 0, 0))).toBe("panel 100% · community —");
    expect(badgeMessage(scores(4, 4, 1, 1))).toBe("panel 100% · community 1 vote");
    expect(badgeMessage(scores(4, 4, 2, 3))).toBe("panel 100% · community 3 votes");
  });

  it('says "—" for a tool without verdicts', () => {
    expect(badgeMessage(scores(0, 0, 0, 0))).toBe("panel — · community —");
  });
});

describe("renderToolBadge", () => {
  const parse = (svg: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" }).parse(svg).svg;

  it("is an accessible SVG whose title carries the site name and the figures", () => {
    const svg = renderToolBadge(scores(3, 4, 5, 8));
    expect(XMLValidator.validate(svg)).toBe(true);
    const root = parse(svg);
    expect(root["@role"]).toBe("img");
    expect(root.title).toBe(`${site.name}: panel 75% · community 63%`);
    expect(root["@aria-label"]).toBe(root.title);
  });

  it("grows with its text and is coloured by the panel's call", () => {
    const short = renderToolBadge(scores(0, 0, 0, 0));
    const long = renderToolBadge(scores(3, 4, 123, 4567));
    expect(Number(parse(long)["@width"])).toBeGreaterThan(Number(parse(short)["@width"]));
    expect(renderToolBadge(scores(3, 4, 0, 0))).toContain('fill="#047857"');
    expect(renderToolBadge(scores(1, 4, 0, 0))).toContain('fill="#be123c"');
    expect(renderToolBadge(scores(2, 4, 0, 0))).toContain('fill="#57534e"');
  });

  it("has a not-listed form", () => {
    expect(XMLValidator.validate(renderMissingBadge())).toBe(true);
    expect(renderMissingBadge()).toContain("tool not listed");
  });
});
