import { describe, expect, it } from "vitest";
import { REMINDER_RULES } from "../vocabulary/words.js";
import { messageWords } from "./message-words.js";

const task = { taskCode: "02.3", taskTitle: "完成征收协议签订" };

describe("messageWords", () => {
  it("words a chase with its rule, level, due day and who chased", () => {
    const m = messageWords(
      {
        kind: "chase",
        personName: "王强",
        params: {
          rule: "overdue",
          level: "unitHead",
          subjectCode: "01.2",
          subjectTitle: "摸底调查",
          dueDate: "2022-08-10",
          workdaysLate: 4,
          senderName: "系统",
        },
      },
      "zh",
    );
    expect(m.subject).toBe("【挂图】催办：01.2 摸底调查");
    expect(m.body.split("\n")).toEqual([
      "王强，您好：",
      "",
      "事项已超期，请尽快推进",
      "您作为责任单位负责人收到此提醒。",
      "事项：01.2 摸底调查",
      "截止日期：2022-08-10（已超期 4 个工作日）",
      "催办人：系统",
      "",
      "请登录挂图系统查看详情。此邮件由系统自动发送，请勿直接回复。",
      "",
    ]);
  });

  it.each([
    [
      "extensionRequested",
      { ...task, requestedDeadline: "2022-09-30", requestedByName: "张伟", reason: "拆迁延误" },
      "【挂图】延期申请待审批：02.3 完成征收协议签订",
      ["有一项延期申请等待您审批。", "申请延期至：2022-09-30", "申请人：张伟", "事由：拆迁延误"],
    ],
    [
      "extensionDecided",
      {
        ...task,
        decision: "approved",
        requestedDeadline: "2022-09-30",
        decidedByName: "李娜",
        decisionNote: "同意",
      },
      "【挂图】延期申请：02.3 完成征收协议签订",
      ["您的延期申请已批准。", "审批人：李娜", "意见：同意"],
    ],
    [
      "extensionDecided",
      { ...task, state: "rejected", note: "理由不充分" },
      "【挂图】延期申请：02.3 完成征收协议签订",
      ["您的延期申请未批准。", "意见：理由不充分"],
    ],
    [
      "completionClaimed",
      { ...task, ownerName: "张伟", percent: 100 },
      "【挂图】完成情况待确认：02.3 完成征收协议签订",
      ["报告人：张伟"],
    ],
    [
      "completionReturned",
      { ...task, reason: "缺少佐证材料", reviewerName: "李娜" },
      "【挂图】完成情况被退回：02.3 完成征收协议签订",
      ["退回人：李娜", "意见：缺少佐证材料"],
    ],
  ] as const)("words %s", (kind, params, subject, lines) => {
    const m = messageWords({ kind, personName: "赵敏", params }, "zh");
    expect(m.subject).toBe(subject);
    for (const line of lines) expect(m.body).toContain(line);
  });

  it("reads a chase's code and title under the names the chasing loop posts them", () => {
    const m = messageWords(
      { kind: "chase", params: { rule: "manual", code: "01.2", title: "摸底调查", reason: "请尽快报送" } },
      "zh",
    );
    expect(m.subject).toBe("【挂图】催办：01.2 摸底调查");
    expect(m.body).toContain("您收到一条催办\n事项：01.2 摸底调查\n事由：请尽快报送");
  });

  it("has a sentence for every reminder rule and for a chase by hand, in both languages", () => {
    for (const rule of [...REMINDER_RULES, "manual"])
      for (const lang of ["zh", "en"] as const) {
        const body = messageWords({ kind: "chase", params: { rule } }, lang).body;
        const plain = messageWords({ kind: "chase", params: {} }, lang).body;
        expect(body === plain).toBe(rule === "manual");
      }
  });

  it("words English too, and an unknown kind or missing params plainly, without throwing", () => {
    expect(messageWords({ kind: "chase", params: { rule: "dueToday", taskCode: "1" } }, "en")).toEqual({
      subject: "[Guatu] Reminder: 1",
      body: "Hello,\n\nA deadline of yours is today\nAbout: 1\n\nSign in to Guatu for the details. This e-mail was sent automatically; please do not reply.\n",
    });
    expect(messageWords({ kind: "somethingNew", params: {} }, "zh").subject).toBe("【挂图】新消息");
  });
});
