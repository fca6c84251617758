import { buildProgram, runProgram } from "./index.js";

await runProgram(buildProgram(), process.argv);
