// Pure score maths: no I/O. Every page and API reads scores through here.
export * from "./split";
export * from "./panel";
export * from "./community";
export * from "./wilson";
export * from "./bayesian";
export * from "./disagreement";
export * from "./tool-scores";
export * from "./ranking";
export * from "./agreement";
export * from "./decision";
