/**
 * Registers the service worker (web/public/sw.js: the app shell for an offline start) in a
 * production build only: never in the dev server, where it would cache modules being edited, and
 * never under vitest.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || typeof navigator === "undefined" || !("serviceWorker" in navigator)) return;
  window.addEventListener("load", () => {
    // Without a worker (blocked, or an insecure origin) the app simply needs the network to start.
    navigator.serviceWorker.register("/sw.js").catch(() => {});
  });
}
