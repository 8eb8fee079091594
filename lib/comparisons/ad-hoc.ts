import type { ToolScores } from "@/lib/scores";

type Named = { slug?: string; name: string; scores: ToolScores };
type SplitLike = { differs: boolean };

/** The canonical slug of a pair no editor has written up: the two tool slugs in alphabetical order. */
export function adHocComparisonSlug(slugA: string, slugB: string): string {
  const [first, second] = [slugA, slugB].sort();
  return `${first}-vs-${second}`;
}

function panelPhrase(tool: Named): string {
  const { panel } = tool.scores;
  if (panel.total === 0) return `${tool.name} has no published verdicts yet`;
  return `${panel.ship} of ${panel.total} reviewers ship ${tool.name}`;
}

/**
 * The introduction of a generated comparison, written from the same figures the
 * page shows: the panel's calls, how many reviewers split on the pair, and
 * whether the community agrees. Never invents a judgement the data does not hold.
 */
export function adHocIntro(toolA: Named, toolB: Named, split: SplitLike[]): string {
  const sentences = [`No editor has written this pair up yet, so this page is built straight from the data: ${panelPhrase(toolA)}, and ${panelPhrase(toolB)}.`];
  const differing = split.filter((row) => row.differs).length;
  if (differing > 0) {
    sentences.push(
      `${differing === 1 ? "One reviewer makes" : `${differing} reviewers make`} a different call on the two tools; the reviewer split shows who.`,
    );
  }
  const disagreements = [toolA, toolB].filter((tool) => tool.scores.disagreement);
  for (const tool of disagreements) {
    sentences.push(`On ${tool.name} the community disagrees with the panel.`);
  }
  return sentences.join(" ");
}
