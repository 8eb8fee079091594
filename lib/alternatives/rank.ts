import { shipShare, wilsonLowerBound, type Split } from "@/lib/scores";
import type { Modality, ToolSpecs } from "@/lib/specs/schema";

/**
 * Which listed tools are alternatives to a tool, and in what order
 * (/tools/<slug>/alternatives, docs/decisions/040-alternatives.md). Pure: no I/O.
 *
 * Each other listed tool gets a score, the weighted sum of six parts, each in [0, 1]:
 * - category:  1 when it is in the same category;
 * - specs:     how much of its spec facts it shares (`specOverlap`): the mean over five facts of
 *              input types and output types (shared / either, when both are known), both
 *              self-hostable, both with an API, the same pricing model;
 * - compared:  how often readers opened the pair's comparison in the last PAIR_VISIT_WINDOW_DAYS
 *              days, log-scaled against the most-compared pair of this tool: ln(1 + n) / ln(1 + max);
 * - editorial: 1 when an editor has published a comparison of the pair;
 * - panel:     the panel's ship share (0 without verdicts);
 * - community: the Wilson lower bound of the community's ship share (thin samples count little).
 * A tool is listed only with a reason a reader can check (the same category, specs shared at
 * least MIN_SPEC_OVERLAP without doing a different job, often compared, or compared by an
 * editor): the figures alone only order.
 * Ties go by name. At most MAX_ALTERNATIVES rows.
 */

/** The weights of the parts. The category is the strongest single signal; the figures order tools that are alike. */
export const ALTERNATIVE_WEIGHTS = {
  category: 4,
  specs: 2,
  compared: 2,
  editorial: 1,
  panel: 1,
  community: 1,
} as const;

export type AlternativePart = keyof typeof ALTERNATIVE_WEIGHTS;

/** How many alternatives a page lists. */
export const MAX_ALTERNATIVES = 12;
/**
 * Specs shared at least this much (of 1) list a tool from another category: three of the five facts,
 * so an API and a pricing model alone (most tools have both) do not make a speech tool an alternative to a language model.
 */
export const MIN_SPEC_OVERLAP = 0.6;
/** A pair opened at least this often in the window is "often compared" (a reason to list it). */
export const OFTEN_COMPARED_MIN_VISITS = 5;
/** Comparison visits count for this many days (UTC), today included. */
export const PAIR_VISIT_WINDOW_DAYS = 90;

/** The first UTC day of the comparison-visit window (today is its last). */
export function visitWindowStart(now = new Date(), days = PAIR_VISIT_WINDOW_DAYS): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(today - (days - 1) * 86_400_000);
}

/** What ranking needs of a tool: ToolCard has it all. */
export type AlternativeCandidate = {
  id: string;
  name: string;
  category: { slug: string; name: string };
  pricingModel: string;
  specs: ToolSpecs;
  scores: { panel: Split; community: Split };
};

/** The pair signals of the subject tool with each other tool, by the other tool's id. */
export type PairSignals = {
  /** Comparison visits of the pair in the window. */
  visits: ReadonlyMap<string, number>;
  /** Tools an editor has published a comparison of the subject with. */
  curated: ReadonlySet<string>;
};

/** Why a tool is listed, as the page says it. */
export type AlternativeReason =
  | { kind: "category"; category: string }
  | { kind: "specs"; shared: string[] }
  | { kind: "compared"; visits: number }
  | { kind: "editorial" };

export type RankedAlternative<T> = {
  tool: T;
  /** The weighted sum of `parts`. */
  score: number;
  /** Each part in [0, 1], before its weight. */
  parts: Record<AlternativePart, number>;
  /** Comparison visits of the pair in the window (0 when none). */
  visits: number;
  reasons: AlternativeReason[];
};

const PRICING_LABELS: Record<string, string> = {
  FREE: "free",
  FREEMIUM: "freemium",
  PAID: "paid",
  USAGE: "usage-based",
  OPEN_WEIGHTS: "open weights",
};

/** The number of spec facts `specOverlap` averages over. */
export const SPEC_FACTS = 5;

function modalityOverlap(a: Modality[] | undefined, b: Modality[] | undefined): { share: number; common: Modality[]; disjoint: boolean } {
  if (!a?.length || !b?.length) return { share: 0, common: [], disjoint: false };
  const common = a.filter((modality) => b.includes(modality));
  const either = new Set([...a, ...b]).size;
  return { share: common.length / either, common, disjoint: common.length === 0 };
}

/**
 * How much of their spec facts two tools share, in [0, 1], and the shared facts in words
 * ("text in", "image out", "self-hostable", "API", "open weights"). A fact not known for
 * either tool counts as not shared: the score never claims what the catalogue does not say.
 * `differentJob`: both tools' input types, or both tools' output types, are known and have
 * nothing in common (speech to text against text to image): whatever else they share, they
 * are not alternatives across categories.
 */
export function specOverlap(
  a: Pick<AlternativeCandidate, "specs" | "pricingModel">,
  b: Pick<AlternativeCandidate, "specs" | "pricingModel">,
): { share: number; shared: string[]; differentJob: boolean } {
  const input = modalityOverlap(a.specs.inputModalities?.value, b.specs.inputModalities?.value);
  const output = modalityOverlap(a.specs.outputModalities?.value, b.specs.outputModalities?.value);
  const selfHostable = a.specs.selfHostable?.value === true && b.specs.selfHostable?.value === true;
  const api = a.specs.apiAvailable?.value === true && b.specs.apiAvailable?.value === true;
  const pricing = a.pricingModel === b.pricingModel;
  const shared = [
    ...input.common.map((modality) => `${modality} in`),
    ...output.common.map((modality) => `${modality} out`),
    ...(selfHostable ? ["self-hostable"] : []),
    ...(api ? ["API"] : []),
    ...(pricing ? [PRICING_LABELS[a.pricingModel] ?? a.pricingModel.toLowerCase()] : []),
  ];
  const share = (input.share + output.share + Number(selfHostable) + Number(api) + Number(pricing)) / SPEC_FACTS;
  return { share, shared, differentJob: input.disjoint || output.disjoint };
}

/** ln(1 + n) / ln(1 + max): the most-compared pair is 1, a pair never opened 0, and one giant pair does not flatten the rest. */
export function comparedShare(visits: number, maxVisits: number): number {
  if (!(visits > 0) || !(maxVisits > 0)) return 0;
  return Math.min(1, Math.log1p(visits) / Math.log1p(maxVisits));
}

/**
 * The alternatives to `subject` among `tools` (the subject itself is skipped), best first:
 * see the module comment for the formula.
 */
export function rankAlternatives<T extends AlternativeCandidate>(
  subject: AlternativeCandidate,
  tools: readonly T[],
  signals: PairSignals,
  limit = MAX_ALTERNATIVES,
): RankedAlternative<T>[] {
  const others = tools.filter((tool) => tool.id !== subject.id);
  const maxVisits = Math.max(0, ...others.map((tool) => signals.visits.get(tool.id) ?? 0));
  const ranked: RankedAlternative<T>[] = [];
  for (const tool of others) {
    const visits = signals.visits.get(tool.id) ?? 0;
    const specs = specOverlap(subject, tool);
    const sameCategory = tool.category.slug === subject.category.slug;
    const curated = signals.curated.has(tool.id);
    const often = visits >= OFTEN_COMPARED_MIN_VISITS;
    const alike = specs.share >= MIN_SPEC_OVERLAP && !specs.differentJob;
    const reasons: AlternativeReason[] = [
      ...(sameCategory ? [{ kind: "category", category: tool.category.name } as const] : []),
      ...(specs.shared.length && (sameCategory || alike) ? [{ kind: "specs", shared: specs.shared } as const] : []),
      ...(often ? [{ kind: "compared", visits } as const] : []),
      ...(curated ? [{ kind: "editorial" } as const] : []),
    ];
    if (!sameCategory && !alike && !often && !curated) continue;
    const parts: Record<AlternativePart, number> = {
      category: Number(sameCategory),
      specs: specs.share,
      compared: comparedShare(visits, maxVisits),
      editorial: Number(curated),
      panel: shipShare(tool.scores.panel) ?? 0,
      community: wilsonLowerBound(tool.scores.community),
    };
    const score = (Object.keys(ALTERNATIVE_WEIGHTS) as AlternativePart[]).reduce((sum, part) => sum + ALTERNATIVE_WEIGHTS[part] * parts[part], 0);
    ranked.push({ tool, score, parts, visits, reasons });
  }
  return ranked
    .sort((x, y) => y.score - x.score || x.tool.name.localeCompare(y.tool.name, "en") || (x.tool.id < y.tool.id ? -1 : x.tool.id > y.tool.id ? 1 : 0))
    .slice(0, Math.max(0, limit));
}

/** The formula in one plain sentence, for the page: the figures come from ALTERNATIVE_WEIGHTS. */
export function rankingSentence(): string {
  const w = ALTERNATIVE_WEIGHTS;
  return (
    `Ranked by points: ${w.category} for the same category, up to ${w.specs} for shared specs (input and output types, self-hosting, API, pricing model), ` +
    `up to ${w.compared} for how often readers open the pair's comparison (last ${PAIR_VISIT_WINDOW_DAYS} days), ${w.editorial} for a comparison our editors wrote, ` +
    (w.panel === w.community ? `and up to ${w.panel} each for the panel's ship share and the community's` : `up to ${w.panel} for the panel's ship share and up to ${w.community} for the community's`) +
    " (the low end of its 95 % range, so a few votes count little)."
  );
}
