/**
 * The import rules of Guatu (STYLE.md "Dependencies point one way"), checked by
 * `npm run lint:deps` as part of `npm test`: vocabulary ← engines ← domain ← http / cli, shared
 * wire schemas beside the engines, the web app on shared and engines only, and no cycles at all.
 */
const IO = "^(node:|fs$|path$|os$|child_process$|http$|net$|fastify|@fastify/|kysely|pg$|better-sqlite3|commander|pino)";
const TESTS = "\\.test\\.tsx?$|/e2e/|/test/";

module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      severity: "error",
      comment: "Modules never import each other in a circle, not even through types.",
      from: {},
      to: { circular: true },
    },
    {
      name: "vocabulary-imports-nothing",
      severity: "error",
      comment: "The bottom of the graph: the words every layer shares depend on nothing.",
      from: { path: "^src/vocabulary/" },
      to: { pathNot: "^src/vocabulary/" },
    },
    {
      name: "engines-are-pure",
      severity: "error",
      comment: "Engines are pure functions over plain data: no I/O, no outer layer, not even shared.",
      from: { path: "^src/engines/", pathNot: TESTS },
      to: { path: [IO, "^src/(domain|http|cli|db|config|shared)/"] },
    },
    {
      name: "shared-does-not-import-engines",
      severity: "error",
      comment: "Wire schemas stand beside the engines; both take their words from the vocabulary.",
      from: { path: "^src/shared/" },
      to: { path: "^src/engines/" },
    },
    {
      name: "shared-has-no-io",
      severity: "error",
      comment: "The web app imports src/shared: it must run in a browser.",
      from: { path: "^src/shared/", pathNot: TESTS },
      to: { path: [IO, "^src/(domain|http|cli|db|config)/"] },
    },
    {
      name: "domain-does-not-import-adapters",
      severity: "error",
      from: { path: "^src/domain/" },
      to: { path: ["^src/(http|cli)/", "fastify", "commander"] },
    },
    {
      name: "routes-do-not-import-repositories",
      severity: "error",
      comment: "A route calls a service, which checks scope; only services reach repositories.",
      from: { path: "^src/(http|cli)/", pathNot: TESTS },
      to: { path: "\\.repository\\.ts$" },
    },
    {
      name: "web-imports-only-shared-engines-vocabulary",
      severity: "error",
      from: { path: "^web/src/" },
      to: { path: ["^src/(domain|http|cli|db|config)/", "^node:"] },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(dist|web/dist|bench/out|node_modules)" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
