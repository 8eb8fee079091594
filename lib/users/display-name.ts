import { createHash } from "node:crypto";
import { z } from "zod";

/**
 * A reader's public name: what they chose on /account, else a neutral name
 * made from their account id ("Reader 7KQ2M"), the same on every page and
 * never derived from the email address, which is never shown in public.
 */
export function publicName(user: { id: string; displayName: string | null }): string {
  return user.displayName ?? generatedName(user.id);
}

const ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"; // no 0/O, 1/I: read aloud without doubt

export function generatedName(userId: string): string {
  const digest = createHash("sha256").update(userId).digest();
  let code = "";
  for (let i = 0; i < 5; i++) code += ALPHABET[digest[i]! % ALPHABET.length];
  return `Reader ${code}`;
}

/** Words a reader's name may not use: they would pass for the site's own voice. */
const RESERVED = /\b(admin|administrator|moderator|mod|staff|ship ?or ?skip|official)\b/i;

/**
 * A display name as typed on /account: 2–40 characters of letters, digits,
 * spaces and . - _ ' (any script), spaces collapsed; not an email address or
 * a link, and not a name the site uses for itself. Empty means "use the
 * generated one". Whether it is a panel reviewer's name is checked on write
 * (lib/users/writes.ts), against the reviewers stored.
 */
export const displayNameSchema = z
  .string({ error: "A name is text." })
  .overwrite((text) => text.normalize("NFC").replace(/\s+/g, " ").trim())
  // Counted in characters (code points), as the database counts them: "𝐀" is one, though two UTF-16 units.
  .refine((text) => [...text].length <= 40, "A name is at most 40 characters.")
  .refine((text) => text === "" || [...text].length >= 2, "A name is at least 2 characters.")
  .refine((text) => !text.includes("@"), "A name cannot be an email address.")
  .refine((text) => !/https?:|www\.|\.(com|net|org|io|ai|dev|app)\b/i.test(text), "A name cannot be a link.")
  .refine((text) => /^[\p{L}\p{M}\p{N} .'_-]*$/u.test(text), "Use letters, digits, spaces and . - _ ' only.")
  .refine((text) => !RESERVED.test(text), "That name is kept for the site's own staff.")
  .transform((text) => text || null);

/** The display name form on /account: field `displayName`. */
export const displayNameFormSchema = z.object({ displayName: displayNameSchema });
