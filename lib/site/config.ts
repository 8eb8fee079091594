/**
 * The site's own name, tagline and URLs, in one place: another site uses a
 * similar name, so a rename must be a one-line change here.
 */
export const site = {
  name: "Ship or Skip",
  tagline: "Which AI tool should you ship with?",
  description:
    "A staff panel gives every AI tool a written ship-or-skip verdict, the community votes, and comparison pages set two tools side by side.",
  newsletter: {
    name: "Weekly AI Tool Verdicts",
    headline: "Get the next comparison in your inbox",
    pitch: "New AI tools ship daily. We compare them before you waste an afternoon.",
  },
} as const;
