import { z } from "zod";

/** Reviewer slugs follow the same rule as every slug (a database CHECK enforces it). */
export const reviewerSlugSchema = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "A reviewer slug is lower-case letters, digits and single dashes");
