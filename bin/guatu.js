#!/usr/bin/env node
// Runs the compiled CLI when `npm run build` has produced it and it is newer than every source file;
// otherwise the TypeScript sources through tsx (so `npx --no-install guatu` works straight after
// `npm ci`, and a stale build is never run by mistake). GUATU_FROM_SOURCE=1 forces the sources.
import { existsSync, readdirSync, statSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const compiled = `${root}dist/cli/main.js`;

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const useBuild =
  !process.env.GUATU_FROM_SOURCE &&
  existsSync(compiled) &&
  (!existsSync(`${root}src`) || statSync(compiled).mtimeMs >= newestSource(`${root}src`));
if (useBuild) {
  await import(pathToFileURL(compiled).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(`${root}src/cli/main.ts`).href);
}
