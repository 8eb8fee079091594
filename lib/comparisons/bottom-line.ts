import type { ToolScores } from "@/lib/scores";
import { pricingRead } from "@/lib/tools/pricing-read";
import type { PRICING_MODEL_LABELS } from "@/lib/tools/select";

type Tool = { name: string; scores: ToolScores; pricingModel: keyof typeof PRICING_MODEL_LABELS; entryPrice: string | null };
type Row = { reviewer: { name: string }; a: { decision: "SHIP" | "SKIP" } | null; b: { decision: "SHIP" | "SKIP" } | null; differs: boolean };

/** "Reviewers split on 1 of 4", as the share image and the hero say it. */
export function splitSummary(split: Row[]): string {
  const both = split.filter((row) => row.a && row.b);
  if (both.length === 0) return "No reviewer has a published verdict on both tools yet";
  const differing = both.filter((row) => row.differs).length;
  if (differing === 0) return `All ${both.length} reviewers make the same call on both`;
  return `Reviewers split on ${differing} of ${both.length}`;
}

const share = (tool: Tool) => (tool.scores.panel.total ? tool.scores.panel.ship / tool.scores.panel.total : null);

/**
 * The bottom line of a comparison no editor has written one for: sentences
 * built only from the figures on the page (the panel's counts, who splits, the
 * pricing read). The page marks it as generated. It never says "pick".
 */
export function generatedBottomLine(toolA: Tool, toolB: Tool, split: Row[]): string[] {
  const a = toolA.scores.panel;
  const b = toolB.scores.panel;
  const sentences: string[] = [];
  const [shareA, shareB] = [share(toolA), share(toolB)];
  if (shareA === null && shareB === null) {
    sentences.push("Neither tool has a published panel verdict yet.");
  } else if (shareA === null || shareB === null) {
    const [rated, other] = shareA === null ? [toolB, toolA] : [toolA, toolB];
    sentences.push(`Only ${rated.name} has panel verdicts so far (${rated.scores.panel.splitLabel}); ${other.name} has none yet.`);
  } else if (shareA === shareB) {
    sentences.push(`The panel rates them alike: ${a.splitLabel} for ${toolA.name}, ${b.splitLabel} for ${toolB.name}.`);
  } else {
    const [ahead, behind] = shareA > shareB ? [toolA, toolB] : [toolB, toolA];
    sentences.push(`The panel leans ${ahead.name}: ${ahead.scores.panel.splitLabel}, against ${behind.scores.panel.splitLabel} for ${behind.name}.`);
  }
  const differing = split.filter((row) => row.differs && row.a && row.b);
  for (const row of differing.slice(0, 2)) {
    const [ships, skips] = row.a!.decision === "SHIP" ? [toolA, toolB] : [toolB, toolA];
    sentences.push(`${row.reviewer.name} ships ${ships.name} and skips ${skips.name}.`);
  }
  const more = differing.length - 2;
  if (more > 0) sentences.push(more === 1 ? "One more reviewer splits on the pair." : `${more} more reviewers split on the pair.`);
  sentences.push(pricingRead({ ...toolA }, { ...toolB }));
  return sentences;
}
