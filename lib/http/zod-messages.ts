import { z } from "zod";

/**
 * Zod's own wording ("Too big: expected string to have <=80 characters") is
 * for developers; forms and the API show these to people. A schema's own
 * message always wins: this only words the issues a schema left unworded.
 * Imported for its effect by lib/http/form.ts and lib/http/errors.ts, which
 * every form and every handler goes through.
 */
z.config({
  customError: (issue) => {
    switch (issue.code) {
      case "too_big":
        if (issue.origin === "string") return `At most ${String(issue.maximum)} characters.`;
        if (issue.origin === "number" || issue.origin === "int") return `At most ${String(issue.maximum)}.`;
        if (issue.origin === "array" || issue.origin === "set") return `At most ${String(issue.maximum)} items.`;
        return undefined;
      case "too_small":
        if (issue.origin === "string") return Number(issue.minimum) <= 1 ? "Required." : `At least ${String(issue.minimum)} characters.`;
        if (issue.origin === "number" || issue.origin === "int") return `At least ${String(issue.minimum)}.`;
        return undefined;
      case "invalid_type":
        return issue.input === undefined ? "Required." : `Expected ${issue.expected === "int" ? "a whole number" : `a ${issue.expected}`}.`;
      case "invalid_value":
        return issue.values.length <= 6 ? `Choose one of: ${issue.values.map(String).join(", ")}.` : "Not one of the choices.";
      case "unrecognized_keys":
        return `Unknown ${issue.keys.length === 1 ? "field" : "fields"}: ${issue.keys.join(", ")}.`;
      default:
        return undefined;
    }
  },
});
