/**
 * How a reader is told how long a new account's votes wait
 * (docs/decisions/030-a-figure-a-vote-ring-cannot-swing.md): NEW_ACCOUNT_HOURS in words.
 */
export function newAccountAgeWords(hours: number): string {
  if (hours <= 0) return "no time";
  if (hours % 24 === 0) return hours === 24 ? "a day" : `${hours / 24} days`;
  if (hours === 1) return "an hour";
  return Number.isInteger(hours) ? `${hours} hours` : `${Math.round(hours * 60)} minutes`;
}
