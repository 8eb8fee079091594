import { decisionLabel } from "@/lib/scores/decision";
import type { Article, ItemList, Offer, Review, SoftwareApplication, WebPage, WithContext } from "schema-dts";
import type { ComparisonView } from "@/lib/comparisons/queries";
import type { PublicVerdict } from "@/lib/reviewers/select";
import { site } from "@/lib/site/config";
import { absoluteUrl, sitePaths } from "@/lib/site/urls";
import type { ToolCard } from "@/lib/tools/select";

/**
 * Structured data (schema.org, JSON-LD) for tool and comparison pages. Only
 * what the site actually holds: no invented star ratings. A verdict is a
 * `Review` with its written case and its call in words ("Ship" / "Skip");
 * prices are stated only when the entry price is a plain figure.
 */

type ToolLike = Pick<ToolCard, "slug" | "name" | "vendor" | "tagline" | "website" | "category" | "entryPrice" | "pricingModel" | "pricingDetail">;

const publisher = () => ({ "@type": "Organization" as const, name: site.name, url: absoluteUrl(sitePaths.home) });

/** "Free" or "$20/mo" → an Offer; "Usage-based", "Contact sales" … → none (we would be guessing). */
export function toolOffer(tool: Pick<ToolLike, "entryPrice" | "pricingModel" | "pricingDetail">): Offer | undefined {
  const entry = tool.entryPrice?.trim() ?? "";
  const free = /^free$/i.test(entry) || (!entry && (tool.pricingModel === "FREE" || tool.pricingModel === "OPEN_WEIGHTS"));
  const dollars = /^\$(\d+(?:\.\d{1,2})?)(?:\s*\/\s*(mo|month|yr|year))?$/i.exec(entry);
  if (!free && !dollars) return undefined;
  return {
    "@type": "Offer",
    price: free ? "0" : dollars![1]!,
    priceCurrency: "USD",
    ...(entry ? { description: tool.pricingDetail ? `${entry}: ${tool.pricingDetail}` : entry } : {}),
  };
}

function softwareApplication(tool: ToolLike): SoftwareApplication {
  const offer = toolOffer(tool);
  return {
    "@type": "SoftwareApplication",
    name: tool.name,
    description: tool.tagline,
    applicationCategory: tool.category.name,
    author: { "@type": "Organization", name: tool.vendor },
    ...(tool.website ? { sameAs: tool.website } : {}),
    ...(offer ? { offers: offer } : {}),
  };
}

function verdictReview(tool: ToolLike, verdict: PublicVerdict): Review {
  const call = decisionLabel(verdict.decision);
  return {
    "@type": "Review",
    name: `${verdict.reviewer.name}: ${call}`,
    reviewBody: verdict.body,
    author: { "@type": "Person", name: verdict.reviewer.name, jobTitle: verdict.reviewer.lens },
    publisher: publisher(),
    url: absoluteUrl(`${sitePaths.tool(tool.slug)}#verdicts`),
    ...(verdict.publishedAt ? { datePublished: verdict.publishedAt.toISOString() } : {}),
  };
}

/** A tool page: the application, its maker, where known its entry price, and each published verdict. */
export function toolJsonLd(tool: ToolLike & { verdicts: PublicVerdict[] }): WithContext<SoftwareApplication> {
  return {
    "@context": "https://schema.org",
    ...softwareApplication(tool),
    url: absoluteUrl(sitePaths.tool(tool.slug)),
    ...(tool.verdicts.length ? { review: tool.verdicts.map((verdict) => verdictReview(tool, verdict)) } : {}),
  };
}

/** A comparison page: an Article when an editor wrote it up, else a WebPage; `about` both tools. */
export function comparisonJsonLd(comparison: ComparisonView): WithContext<Article> | WithContext<WebPage> {
  const about = [comparison.toolA, comparison.toolB].map((tool) => ({ ...softwareApplication(tool), url: absoluteUrl(sitePaths.tool(tool.slug)) }));
  const common = {
    name: comparison.title,
    url: absoluteUrl(sitePaths.comparison(comparison.slug)),
    about,
    publisher: publisher(),
    dateModified: comparison.updatedAt.toISOString(),
    ...(comparison.intro ? { description: comparison.intro } : {}),
  };
  if (comparison.curated) {
    return {
      "@context": "https://schema.org",
      "@type": "Article",
      ...common,
      headline: comparison.headline ?? comparison.title,
      author: publisher(),
      ...(comparison.publishedAt ? { datePublished: comparison.publishedAt.toISOString() } : {}),
    };
  }
  return { "@context": "https://schema.org", "@type": "WebPage", ...common };
}

/** An alternatives page: an ItemList of the ranked tools, best first, each the application it is with its own page. */
export function alternativesJsonLd(tool: Pick<ToolLike, "slug" | "name">, alternatives: { tool: ToolLike }[]): WithContext<ItemList> {
  return {
    "@context": "https://schema.org",
    "@type": "ItemList",
    name: `Alternatives to ${tool.name}`,
    url: absoluteUrl(sitePaths.alternatives(tool.slug)),
    itemListOrder: "https://schema.org/ItemListOrderDescending",
    numberOfItems: alternatives.length,
    itemListElement: alternatives.map((alternative, index) => ({
      "@type": "ListItem",
      position: index + 1,
      item: { ...softwareApplication(alternative.tool), url: absoluteUrl(sitePaths.tool(alternative.tool.slug)) },
    })),
  };
}
