/** guatu/engines — the indicator cascade (层层衔接): splitting targets, rolling actuals up, checking. */
export { CascadeError, type CascadeErrorCode } from "./cascade-error.js";
export { type CascadeCheckOptions, checkCascade } from "./check.js";
export { rollUp } from "./roll-up.js";
export { roundCascadeValue } from "./round-cascade-value.js";
export { type SplitParent, splitMonthly, splitTarget } from "./split.js";
export * from "./types.js";
