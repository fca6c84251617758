import module from "node:module";

// V8's code cache on disk (Node 22.1+; absent on Node 20, where this does nothing).
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
const { buildProgram, runProgram } = await import("./index.js");
await runProgram(await buildProgram(process.argv[2]), process.argv);
