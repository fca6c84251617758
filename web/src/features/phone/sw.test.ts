/**
 * The service worker (web/public/sw.js) run in a sandbox with a fake network and Cache Storage:
 * which requests it answers, from where, and what it keeps. (The browser tests block service
 * workers, whose requests would bypass the harness's snapshot of the build.)
 */
import { readFileSync } from "node:fs";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";

const ORIGIN = "https://guatu.example";
const SOURCE = readFileSync(new URL("../../../public/sw.js", import.meta.url), "utf8");
const href = (r: string | { url: string }) => new URL(typeof r === "string" ? r : r.url, ORIGIN).href;
const INDEX_V1 = '<script src="/assets/index-a1.js"></script><link href="/assets/index-a1.css">';
const INDEX_V2 = '<script src="/assets/index-b2.js"></script><link href="/assets/index-a1.css">';

/** A Cache over a Map of URL → body and type. */
class FakeCache {
  readonly entries = new Map<string, Response>();
  constructor(private readonly net: (url: string) => Promise<Response>) {}
  async match(r: string | { url: string }) {
    return this.entries.get(href(r))?.clone();
  }
  async put(r: string | { url: string }, res: Response) {
    this.entries.set(href(r), res);
  }
  async add(r: string) {
    const res = await this.net(href(r));
    if (!res.ok) throw new TypeError(`${r}: ${res.status}`);
    await this.put(r, res);
  }
  async keys() {
    return [...this.entries.keys()].map((url) => ({ url }));
  }
  async delete(r: { url: string }) {
    return this.entries.delete(href(r));
  }
}

/** The worker loaded into a sandbox whose network serves `files` as the server would (or fails while `offline`). */
function loadWorker(files: Record<string, { body: string; type: string }>) {
  const listeners = new Map<string, (e: unknown) => void>();
  const state = { offline: false, fetched: [] as string[] };
  const net = async (url: string) => {
    state.fetched.push(new URL(url).pathname);
    if (state.offline) throw new TypeError("Failed to fetch");
    const path = new URL(url).pathname;
    // The server answers a page of the app (a path without a file extension) with index.html.
    const f = files[path] ?? (/\.[a-z0-9]+$/.test(path) ? undefined : files["/index.html"]);
    return f
      ? new Response(f.body, { headers: { "content-type": f.type } })
      : new Response("", { status: 404 });
  };
  const stores = new Map<string, FakeCache>();
  const caches = {
    open: async (name: string) => stores.get(name) ?? stores.set(name, new FakeCache(net)).get(name)!,
    keys: async () => [...stores.keys()],
    delete: async (name: string) => stores.delete(name),
    match: async (r: string, o?: { cacheName?: string }) =>
      o?.cacheName ? stores.get(o.cacheName)?.match(r) : undefined,
  };
  const self = {
    location: { origin: ORIGIN },
    clients: { claim: async () => {} },
    skipWaiting: () => {},
    addEventListener: (type: string, fn: (e: unknown) => void) => listeners.set(type, fn),
  };
  runInNewContext(SOURCE, {
    self,
    caches,
    fetch: (r: string | { url: string }) => net(href(r)),
    URL,
    Response,
  });

  const lifetime = async (type: string) => {
    const waits: Promise<unknown>[] = [];
    listeners.get(type)?.({ waitUntil: (p: Promise<unknown>) => waits.push(p) });
    await Promise.all(waits);
  };
  /** Dispatches a fetch event: the worker's answer, or undefined when it let the browser handle it. */
  const request = async (path: string, init: { method?: string; mode?: string } = {}) => {
    let answer: Promise<Response> | undefined;
    const waits: Promise<unknown>[] = [];
    listeners.get("fetch")?.({
      request: { url: href(path), method: init.method ?? "GET", mode: init.mode ?? "cors" },
      respondWith: (p: Promise<Response>) => {
        answer = p;
      },
      waitUntil: (p: Promise<unknown>) => waits.push(p),
    });
    const res = await answer;
    await Promise.all(waits);
    return res;
  };
  const kept = (name: string) =>
    [...(stores.get(name)?.entries.keys() ?? [])].map((u) => new URL(u).pathname);
  return { state, lifetime, request, kept, files };
}

const BUILD = {
  "/index.html": { body: INDEX_V1, type: "text/html" },
  "/assets/index-a1.js": { body: "js1", type: "text/javascript" },
  "/assets/index-a1.css": { body: "css", type: "text/css" },
  "/assets/MyTasksPage-c3.js": { body: "my", type: "text/javascript" },
  "/manifest.webmanifest": { body: "{}", type: "application/manifest+json" },
};

describe("the service worker", () => {
  it("keeps the app shell when installed: index.html, the files it names and the manifest", async () => {
    const w = loadWorker({ ...BUILD });
    await w.lifetime("install");
    await w.lifetime("activate");
    expect(w.kept("guatu-shell-v1").sort()).toEqual(["/index.html", "/manifest.webmanifest"]);
    expect(w.kept("guatu-assets-v1").sort()).toEqual(["/assets/index-a1.css", "/assets/index-a1.js"]);
  });

  it("never answers or keeps the API, and leaves writes and other origins alone", async () => {
    const w = loadWorker({ ...BUILD });
    await w.lifetime("install");
    w.state.fetched.length = 0;
    expect(await w.request("/api/v1/tasks?limit=10")).toBeUndefined();
    expect(await w.request("/api/v1/auth/me", { mode: "navigate" })).toBeUndefined();
    expect(await w.request("/assets/index-a1.js", { method: "POST" })).toBeUndefined();
    expect(await w.request("https://cdn.example/x.js")).toBeUndefined();
    expect(w.state.fetched).toEqual([]);
    expect(
      [...w.kept("guatu-shell-v1"), ...w.kept("guatu-assets-v1")].some((p) => p.startsWith("/api/")),
    ).toBe(false);
  });

  it("asks the network first for a page and starts from the kept index.html offline", async () => {
    const w = loadWorker({ ...BUILD });
    await w.lifetime("install");
    w.state.fetched.length = 0;
    expect(await (await w.request("/my", { mode: "navigate" }))?.text()).toBe(INDEX_V1);
    expect(w.state.fetched).toEqual(["/my"]);
    w.state.offline = true;
    expect(await (await w.request("/task-forces/tf-01", { mode: "navigate" }))?.text()).toBe(INDEX_V1);
  });

  it("serves hashed files from the cache and keeps a lazily loaded page once used", async () => {
    const w = loadWorker({ ...BUILD });
    await w.lifetime("install");
    w.state.fetched.length = 0;
    expect(await (await w.request("/assets/index-a1.js"))?.text()).toBe("js1");
    expect(w.state.fetched).toEqual([]);
    expect(await (await w.request("/assets/MyTasksPage-c3.js"))?.text()).toBe("my");
    w.state.offline = true;
    expect(await (await w.request("/assets/MyTasksPage-c3.js"))?.text()).toBe("my");
    expect(await (await w.request("/manifest.webmanifest"))?.text()).toBe("{}");
  });

  it("drops the old hashed files when a deployment brings a new index.html", async () => {
    const w = loadWorker({ ...BUILD });
    await w.lifetime("install");
    await w.request("/assets/MyTasksPage-c3.js");
    w.files["/index.html"] = { body: INDEX_V2, type: "text/html" };
    w.files["/assets/index-b2.js"] = { body: "js2", type: "text/javascript" };
    await w.request("/my", { mode: "navigate" });
    expect(w.kept("guatu-assets-v1").sort()).toEqual(["/assets/index-a1.css", "/assets/index-b2.js"]);
  });
});
