/*
 * Guatu's service worker (hand-written, registered by web/src/features/phone/register-service-worker.ts
 * in production builds): the app starts without a network.
 *
 * - Pages (navigations): network first; offline, the last index.html seen.
 * - Hashed files under /assets/: cache first (their names change whenever their bytes do). The files
 *   index.html names are fetched with it; lazily loaded pages are kept once they have been used.
 * - The manifest and icons: network first, the cached copy offline.
 * - /api/ is never touched: answers and writes always go to the server (drafts live in the page).
 * A new index.html (a deployment) drops the hashed files the old one had kept.
 */
const SHELL = "guatu-shell-v1";
const ASSETS = "guatu-assets-v1";
const INDEX = "/index.html";
const STATIC = ["/manifest.webmanifest", "/favicon.svg", "/icons/icon-192.png", "/icons/icon-512.png"];

/** The hashed files an index.html loads (its scripts, preloads and styles). */
function shellAssets(html) {
  return [...new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]))];
}

/** Keeps a fresh index.html and the files it names; after a deployment, forgets the old files. */
async function keepShell(res) {
  const html = await res.clone().text();
  const shell = await caches.open(SHELL);
  const before = await shell.match(INDEX);
  const changed = !before || (await before.text()) !== html;
  await shell.put(INDEX, res);
  if (!changed) return;
  const assets = await caches.open(ASSETS);
  const wanted = shellAssets(html);
  for (const key of await assets.keys()) {
    if (!wanted.includes(new URL(key.url).pathname)) await assets.delete(key);
  }
  await Promise.all(wanted.map((a) => assets.add(a).catch(() => {})));
}

async function install() {
  const res = await fetch(INDEX, { cache: "no-cache" });
  if (res.ok) await keepShell(res);
  const shell = await caches.open(SHELL);
  await Promise.all(STATIC.map((s) => shell.add(s).catch(() => {})));
}

/** A page: the network's answer (kept as the shell), else the kept shell. */
async function page(event) {
  try {
    const res = await fetch(event.request);
    const html = (res.headers.get("content-type") || "").includes("text/html");
    if (res.ok && html) event.waitUntil(keepShell(res.clone()));
    return res;
  } catch (err) {
    const kept = await caches.match(INDEX, { cacheName: SHELL });
    if (kept) return kept;
    throw err;
  }
}

/** A hashed file: the kept copy, else the network's (then kept). */
async function asset(request) {
  const cache = await caches.open(ASSETS);
  const kept = await cache.match(request);
  if (kept) return kept;
  const res = await fetch(request);
  if (res.ok) await cache.put(request, res.clone());
  return res;
}

/** The manifest or an icon: the network's answer (then kept), else the kept copy. */
async function networkFirst(request) {
  const cache = await caches.open(SHELL);
  try {
    const res = await fetch(request);
    if (res.ok) await cache.put(request, res.clone());
    return res;
  } catch (err) {
    const kept = await cache.match(request);
    if (kept) return kept;
    throw err;
  }
}

self.addEventListener("install", (event) => {
  // A failed first fetch (offline while installing) leaves the cache to fill as pages load.
  event.waitUntil(install().catch(() => {}));
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  const current = [SHELL, ASSETS];
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => !current.includes(n)).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;
  if (request.mode === "navigate") event.respondWith(page(event));
  else if (url.pathname.startsWith("/assets/")) event.respondWith(asset(request));
  else if (STATIC.includes(url.pathname)) event.respondWith(networkFirst(request));
});
