/**
 * Evidence attachments in Chromium: an owner uploads a picture with a progress report, and the
 * workspace's 进展报告 tab links to it; the link serves the same bytes as a download.
 */
import { describe, expect, it } from "vitest";
import { TINY_PNG as PNG } from "../../test/factories.js";
import { RUN_BROWSER_TESTS, useHarness } from "./harness.js";

describe.skipIf(!RUN_BROWSER_TESTS)("evidence attachments in Chromium", () => {
  const h = useHarness();

  it("lets an owner upload a picture with a report, and the report links to the same bytes", async () => {
    const p = await h.open("member", "/my");
    await p.locator('[data-report-task="01.4.1"]').click();
    const dialog = p.getByRole("dialog");
    await dialog.getByLabel("完成率（%）").fill("60");
    await dialog.getByLabel("进展情况").fill("现场已完成主体施工");
    await dialog.locator("input[type=file]").setInputFiles({
      name: "现场照片.png",
      mimeType: "image/png",
      buffer: PNG,
    });
    await dialog.locator(".ant-upload-list-item-done", { hasText: "现场照片.png" }).waitFor();
    await h.shot(p, "evidence-uploaded");
    await dialog.getByRole("button", { name: /^提\s?交$/ }).click();
    await dialog.waitFor({ state: "hidden" });

    await p.goto("/task-forces/tf-01?tab=reports");
    const link = p.locator("a[data-attachment]", { hasText: "现场照片.png" });
    await link.waitFor();
    await h.shot(p, "evidence-in-reports");
    const href = await link.getAttribute("href");
    expect(href).toMatch(/^\/api\/v1\/attachments\//);
    const got = await p.evaluate(async (url) => {
      const res = await fetch(url, { credentials: "same-origin" });
      return {
        status: res.status,
        type: res.headers.get("content-type"),
        disposition: res.headers.get("content-disposition"),
        bytes: [...new Uint8Array(await res.arrayBuffer())],
      };
    }, href!);
    expect(got.status).toBe(200);
    expect(got.type).toBe("image/png");
    expect(got.disposition).toContain(`filename*=UTF-8''${encodeURIComponent("现场照片.png")}`);
    expect(Buffer.from(got.bytes).equals(PNG)).toBe(true);
    await p.context().close();
  }, 60_000);

  it("refuses a file type that cannot be evidence before uploading it, in the app's language", async () => {
    const p = await h.open("member", "/my");
    await p.locator('[data-report-task="01.4.1"]').click();
    const dialog = p.getByRole("dialog");
    const uploads: string[] = [];
    p.on("request", (r) => {
      if (r.url().includes("/api/v1/attachments")) uploads.push(r.url());
    });
    await dialog.locator("input[type=file]").setInputFiles({
      name: "脚本.html",
      mimeType: "text/html",
      buffer: Buffer.from("<script>alert(1)</script>"),
    });
    await p.getByText("脚本.html: 不支持此类文件").waitFor();
    expect(await dialog.locator(".ant-upload-list-item").count()).toBe(0);
    expect(uploads).toEqual([]);
    await p.context().close();
  }, 30_000);
});
