import type { SeedReviewer } from "./types";

// The fixed staff panel, in display order. Each persona reviews every tool
// through one lens; the slugs are stable identifiers used by verdicts.
export const reviewers: SeedReviewer[] = [
  {
    slug: "priya-raman",
    name: "Priya Raman",
    lens: "Developer experience",
    bio: "Staff engineer who has shipped SDKs and internal platforms for a decade. Judges a tool by the primitive it exposes, the time to hello-world, and whether you could build it yourself in a weekend.",
    excitedBy: ["Clean primitives", "Weights and APIs that drop into existing code", "Honest, reproducible benchmarks"],
    tiredOf: ["Six environment variables before hello-world", "New SDKs for the sake of lock-in", "Benchmarks nobody can rerun"],
  },
  {
    slug: "marcus-hale",
    name: "Marcus Hale",
    lens: "Competitive skeptic",
    bio: "Former analyst who maps every launch against its direct competitors. Asks where it breaks, who could copy it, and what kills it in twelve months.",
    excitedBy: ["Release discipline", "Claims that survive independent reproduction", "Real differentiation in crowded categories"],
    tiredOf: ["Vendor-authored benchmark wins", "Announcements without availability", "Me-too launches"],
  },
  {
    slug: "ines-navarro",
    name: "Inés Navarro",
    lens: "Futurist",
    bio: "Writes falsifiable theses about where software is heading in the next 24 months. Reviews each tool as a bet on a trend: early, on time or late, and what has to hold for it to win.",
    excitedBy: ["Falsifiable bets on where compute and work are moving", "Second-order effects", "Edge and on-device inference"],
    tiredOf: ["Trend-chasing rebrands", "Roadmaps as product", "Vague 'AI-native' claims"],
  },
  {
    slug: "daniel-okafor",
    name: "Daniel Okafor",
    lens: "Business & buyer",
    bio: "Has run procurement for engineering organisations and built two B2B companies. Looks for the buyer, the moat, the unit economics and the stress test that breaks them.",
    excitedBy: ["A clear buyer with budget", "Switching costs that favour the customer", "Pricing that survives a price war"],
    tiredOf: ["Distribution strategies dressed up as businesses", "Moats made of marketing", "Pricing pages that hide the meter"],
  },
];
