import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

/** The built web app (`vite build` → web/dist), found from src/ and from dist/ alike. */
export const WEB_ROOT = fileURLToPath(new URL("../../../web/dist", import.meta.url));

/** Whether a request is the browser asking for a page of the single-page app. */
export const isAppPage = (method: string, url: string) =>
  (method === "GET" || method === "HEAD") && !url.startsWith("/api/") && !/\.[a-z0-9]+(\?|$)/i.test(url);

/**
 * Serves the web app's files with long caching for hashed assets; unknown page paths fall back to
 * index.html (client-side routes) in the not-found handler (plugins/errors.ts).
 */
export async function registerWebApp(app: FastifyInstance): Promise<boolean> {
  if (!existsSync(`${WEB_ROOT}/index.html`)) return false;
  await app.register(fastifyStatic, {
    root: WEB_ROOT,
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
