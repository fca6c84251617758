/**
 * The bottom of Guatu's dependency graph: words every layer shares (dates, lights, statuses,
 * problems). Imports nothing, so engines, wire schemas, the server and the web app may all import it.
 */
export * from "./dates.js";
export * from "./words.js";
