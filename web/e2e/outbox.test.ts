/**
 * 投递记录 (the outbox page) in headless Chromium: an admin sees a delivery that failed for good with
 * its error and sends it again; the supervision office reads the page without the button; others
 * have no menu entry.
 */
import { describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/connection.js";
import { navLabels, RUN_BROWSER_TESTS, useHarness } from "./harness.js";

/** A dead webhook delivery and a sent e-mail, as the worker leaves them. */
async function seedOutbox(database: DatabaseHandle) {
  const payload = (id: string) =>
    JSON.stringify({
      messageId: id,
      kind: "chase",
      personId: "p-x",
      personName: "张伟",
      taskForceId: null,
      subject: null,
      params: { rule: "overdue", subjectCode: "01.1", subjectTitle: "摸底调查" },
      createdAt: "2022-08-15T01:00:00.000Z",
    });
  const row = { createdAt: "2022-08-15T01:00:00.000Z", nextAttemptAt: "2022-08-15T01:00:00.000Z" };
  await database.db
    .insertInto("outbox")
    .values([
      {
        ...row,
        id: "e2e-dead",
        messageId: "m-dead",
        channel: "webhook",
        target: "http://127.0.0.1:9/hook",
        payload: payload("m-dead"),
        state: "dead",
        attempts: 8,
        lastError: "the receiver answered HTTP 502: bad gateway",
      },
      {
        ...row,
        id: "e2e-sent",
        messageId: "m-sent",
        channel: "email",
        target: "zhangwei@example.cn",
        payload: payload("m-sent"),
        state: "sent",
        attempts: 1,
        sentAt: "2022-08-15T01:00:05.000Z",
      },
    ])
    .execute();
}

describe.skipIf(!RUN_BROWSER_TESTS)("the outbox page in Chromium", () => {
  const h = useHarness({ prepare: seedOutbox });

  it("lets the supervision office read failed deliveries without retrying, and shows others no entry", async () => {
    const office = await h.open("supervisor", "/outbox");
    await office.getByText("the receiver answered HTTP 502: bad gateway").waitFor();
    expect(await navLabels(office)).toContain("投递记录");
    expect(await office.locator('[data-testid^="retry-"]').count()).toBe(0);
    await office.close();
    const lead = await h.open("lead", "/");
    await lead.locator("nav .ant-menu-item").first().waitFor();
    expect(await navLabels(lead)).not.toContain("投递记录");
    await lead.close();
  });

  it("shows an admin the failed delivery with its error, and 重试 queues it again", async () => {
    const p = await h.open("admin", "/");
    await p.getByRole("menuitem", { name: "投递记录" }).click();
    await p.getByTestId("outbox-table").waitFor();
    await p.getByText("the receiver answered HTTP 502: bad gateway").waitFor();
    await p.getByText("催办 · 张伟").waitFor();
    await h.shot(p, "outbox-dead");
    await p.getByTestId("retry-e2e-dead").click();
    await p.getByText("已重新排队，稍后投递").waitFor();
    await p.getByText("没有投递失败的记录").waitFor();
    await p.getByText("待投递", { exact: true }).click();
    await p.getByText("催办 · 张伟").waitFor();
    await p.getByText("已投递", { exact: true }).click();
    await p.getByText("zhangwei@example.cn").waitFor();
    await p.close();
  });
});
