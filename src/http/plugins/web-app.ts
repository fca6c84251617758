import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

/** The built web app (`vite build` → web/dist), found from src/ and from dist/ alike. */
export const WEB_ROOT = fileURLToPath(new URL("../../../web/dist", import.meta.url));

/**
 * Whether a request is the browser navigating to a page of the single-page app: a GET for HTML
 * outside the API. (Judging by a file extension would fail on ids like `t-01-1.4`.)
 */
export const isAppPage = (method: string, url: string, accept: string | undefined) =>
  (method === "GET" || method === "HEAD") && !url.startsWith("/api/") && /text\/html/.test(accept ?? "");

/**
 * Serves the web app's files (from `root`, the built app by default) with long caching for hashed
 * assets and revalidation for the rest (index.html, the service worker, the manifest); unknown
 * page paths fall back to index.html (client-side routes) in the not-found handler (plugins/errors.ts).
 */
export async function registerWebApp(app: FastifyInstance, root = WEB_ROOT): Promise<boolean> {
  if (!existsSync(`${root}/index.html`)) return false;
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: ["index.html"],
    setHeaders: (res, path) => {
      res.header(
        "cache-control",
        path.includes("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
      );
    },
  });
  return true;
}
