/**
 * guatu/engines — the pure engines of Guatu: plain data in, plain data out, no I/O.
 * Each engine lives in its own folder; this file only re-exports their public vocabulary.
 */
export * from "./calendar/index.js";
export * from "./cascade/index.js";
export * from "./check/index.js";
export * from "./dispatch/index.js";
export * from "./indicators/index.js";
export * from "./lights/index.js";
export * from "./schedule/index.js";
export * from "./scoring/index.js";
