/** guatu/engines — the five-ization check (五化检查). */
export { checkFiveIzation, isMeasurable } from "./check-five-ization.js";
export { FINDING_TEXTS } from "./finding-texts.js";
export * from "./types.js";
