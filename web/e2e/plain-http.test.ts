/**
 * The app over plain HTTP under an intranet host name (`http://guatu.intranet:PORT`, mapped to
 * 127.0.0.1 in Chromium), as the README deploys it: no HSTS, no `upgrade-insecure-requests` (which
 * would send every asset to an https that does not exist), and the overview shows after signing in.
 */
import { describe, expect, it } from "vitest";
import { RUN_BROWSER_TESTS, useHarness } from "./harness.js";

describe.skipIf(!RUN_BROWSER_TESTS)("plain HTTP on an intranet host name", () => {
  const h = useHarness({ hostName: "guatu.intranet" });

  it("serves the overview without sending the browser to https", async () => {
    expect(h.url).toMatch(/^http:\/\/guatu\.intranet:\d+$/);
    const p = await h.page("admin");
    const first = await p.goto("/");
    expect(first?.url()).toMatch(/^http:\/\/guatu\.intranet:/);
    const headers = (await first?.allHeaders()) ?? {};
    expect(headers["strict-transport-security"]).toBeUndefined();
    expect(headers["content-security-policy"]).not.toContain("upgrade-insecure-requests");
    await p.getByText("亮灯统计").waitFor();
    expect(new URL(p.url()).protocol).toBe("http:");
    await h.shot(p, "plain-http-overview");
  }, 60_000);
});
