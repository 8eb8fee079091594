import { ApiError } from "@/lib/http/errors";
import type { ComparisonRefusal } from "./queries";

/** What a visitor or API client is told when a pair cannot be compared. */
export function refusalMessage(reason: ComparisonRefusal, tool?: string): string {
  switch (reason) {
    case "malformed":
      return "A comparison looks like <tool>-vs-<tool>, using the tools' slugs.";
    case "same-tool":
      return "A tool can't be compared with itself: choose two different tools.";
    case "unknown-tool":
      return `There is no tool "${tool}" in the directory.`;
    case "archived-tool":
      return `${tool} is archived: it is no longer listed, so it can't be compared.`;
  }
}

/** 400 for a tool against itself (the request makes no sense), 404 otherwise. */
export function refusalError(slug: string, refusal: { reason: ComparisonRefusal; tool?: string }): ApiError {
  if (refusal.reason === "same-tool") return new ApiError(400, "same_tool", refusalMessage(refusal.reason));
  return new ApiError(404, "not_found", `Comparison "${slug}" not found. ${refusalMessage(refusal.reason, refusal.tool)}`);
}
