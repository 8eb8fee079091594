/**
 * One ship/skip decision (a verdict's or a vote's), spelled one way at each
 * boundary and converted only here:
 * - `Decision` ("SHIP" | "SKIP"): the database enum and every type inside the app;
 * - `DecisionJson` ("ship" | "skip"): the JSON API, forms and URLs;
 * - `decisionLabel` ("Ship" | "Skip"): what a reader sees.
 */
export type Decision = "SHIP" | "SKIP";
export type DecisionJson = "ship" | "skip";

export const DECISIONS = ["SHIP", "SKIP"] as const satisfies readonly Decision[];
export const DECISIONS_JSON = ["ship", "skip"] as const satisfies readonly DecisionJson[];

export const toDecisionJson = (decision: Decision): DecisionJson => (decision === "SHIP" ? "ship" : "skip");
export const fromDecisionJson = (decision: DecisionJson): Decision => (decision === "ship" ? "SHIP" : "SKIP");
export const decisionLabel = (decision: Decision): "Ship" | "Skip" => (decision === "SHIP" ? "Ship" : "Skip");
