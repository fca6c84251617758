import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { attachmentUploadQuery } from "./api/attachments.js";
import { planApprovalInput } from "./api/baselines.js";
import { commentSchemas } from "./api/comments.js";
import { extensionRejection, extensionRequestInput } from "./api/extensions.js";
import { goalSchemas } from "./api/goals.js";
import { indicatorSchemas, readingSchemas } from "./api/indicators.js";
import { orgUnitSchemas, personSchemas, userSchemas } from "./api/org.js";
import { progressReportSchemas } from "./api/reports.js";
import { settingsUpdate } from "./api/settings.js";
import { supervisionItemSchemas } from "./api/supervision.js";
import { memberSchemas, taskForceSchemas } from "./api/task-forces.js";
import { dependencySchemas, taskSchemas } from "./api/tasks.js";
import { ERRORS } from "./errors.js";
import { FIELD_LABELS, fieldLabel } from "./field-labels.js";
import { detailText, hasMessage, issueDetail, type Lang, RULE_MESSAGES, ZOD_MESSAGES } from "./messages.js";

const ENTITIES = {
  commentSchemas,
  goalSchemas,
  indicatorSchemas,
  readingSchemas,
  orgUnitSchemas,
  personSchemas,
  userSchemas,
  progressReportSchemas,
  supervisionItemSchemas,
  taskForceSchemas,
  memberSchemas,
  taskSchemas,
  dependencySchemas,
};
const LANGS: Lang[] = ["zh", "en"];
const CJK = /[\u4e00-\u9fff]/;
/** English words a Chinese message must not contain (ids, codes and units may appear). */
const ENGLISH = /\b(must|expected|received|invalid|required|characters|is|the|a)\b/i;

/** Values each field is refused with: missing, the wrong type, far too long, far too big. */
const BAD: readonly unknown[] = [
  undefined,
  null,
  12345,
  "x",
  "x".repeat(20_000),
  -1e20,
  1e20,
  [1],
  { a: 1 },
  true,
];

function problems(schema: z.ZodObject, field: string) {
  const out: ReturnType<typeof issueDetail>[] = [];
  for (const value of BAD) {
    const r = schema.safeParse({ [field]: value });
    if (r.success) continue;
    for (const issue of r.error.issues) if (issue.path[0] === field) out.push(issueDetail(issue, "body"));
  }
  return out;
}

describe("the validation vocabulary", () => {
  it("gives every error code a sentence in Chinese and English", () => {
    for (const [code, spec] of Object.entries(ERRORS)) {
      expect(spec.zh, code).toMatch(CJK);
      expect(spec.zh, code).not.toMatch(ENGLISH);
      expect(spec.en.length, code).toBeGreaterThan(5);
    }
  });

  it("gives every message key a Chinese and an English text", () => {
    const params = {
      statusDate: "2022-08-15",
      grace: 2,
      start: "2022-07-01",
      percent: 40,
      date: "2022-08-01",
      period: "2022-09",
      actual: 9,
      low: 0,
      high: 5,
      target: 1,
      last: 1,
      lastPeriod: "2022-07",
      unit: " %",
      raisedOn: "2022-08-01",
      origin: "string",
      maximum: 200,
      minimum: 1,
      expected: "number",
      received: "string",
      values: "1, 2",
      keys: "baselineFinish",
      n: 2,
      what: "task",
      how: "name it as parent",
      field: "actualStart",
      chain: "t-1 → t-2",
      predecessor: "1.1",
      successor: "2.1",
      person: "郝志刚",
      state: "open",
      id: "x",
      task: "1.1",
      parent: "1.1",
      other: "1.2",
    };
    for (const key of [...Object.keys(RULE_MESSAGES), ...Object.keys(ZOD_MESSAGES)]) {
      const d = { path: "x", message: "", key, params };
      expect(detailText(d, "zh"), key).toMatch(CJK);
      expect(detailText(d, "zh"), key).not.toMatch(ENGLISH);
      expect(detailText(d, "en"), key).toMatch(/[a-z]{3}/);
    }
  });

  it.each(Object.entries(ENTITIES))(
    "names every refused field of %s by its label, with a message in both languages",
    (name, s) => {
      const missing: string[] = [];
      for (const [kind, schema] of [
        ["create", s.create],
        ["update", s.update],
      ] as const) {
        for (const field of Object.keys(schema.shape)) {
          if (!(field in FIELD_LABELS)) missing.push(`${name}.${kind}.${field}: no label`);
          for (const d of problems(schema, field)) {
            if (!d.key || !hasMessage(d.key))
              missing.push(`${name}.${kind}.${field}: ${d.message} has no key`);
            for (const lang of LANGS) {
              const text = `${fieldLabel(d.path, lang)} ${detailText(d, lang)}`;
              if (lang === "zh" && (!CJK.test(text) || ENGLISH.test(detailText(d, lang))))
                missing.push(`${name}.${kind}.${field}: "${text}" is not Chinese`);
              if (text.includes(field) && field.length > 4)
                missing.push(`${name}.${kind}.${field}: raw name in "${text}"`);
            }
          }
        }
      }
      expect(missing).toEqual([]);
    },
  );

  it("does the same for action bodies and the settings", () => {
    const missing: string[] = [];
    for (const [name, schema] of Object.entries({
      planApprovalInput,
      attachmentUploadQuery,
      settingsUpdate,
      extensionRequestInput,
      extensionRejection,
    })) {
      const r = schema.safeParse({ reason: "", unknownField: 1, name: "../x", statusDate: "x" });
      if (r.success) continue;
      for (const issue of r.error.issues) {
        const d = issueDetail(issue, "body");
        if (!d.key || !hasMessage(d.key)) missing.push(`${name}: ${d.message} has no key`);
        expect(detailText(d, "zh"), name).toMatch(CJK);
      }
    }
    expect(missing).toEqual([]);
  });

  it("names a field by its label, an item of a list, a task's field, and never a raw unknown name", () => {
    expect(fieldLabel("body.reportDate", "zh")).toBe("报告日期");
    expect(fieldLabel("body.reportDate", "en")).toBe("Report date");
    expect(fieldLabel("evidence.1", "zh")).toBe("佐证材料 第 2 项");
    expect(fieldLabel("task 1.2.deadline", "zh")).toBe("任务 1.2 · 截止日期");
    expect(fieldLabel("body.leadLeaderIdX", "zh")).toBe("输入");
  });

  it("tells a missing value from a wrong type", () => {
    const r = taskSchemas.create.safeParse({});
    const d = issueDetail(r.error!.issues.find((i) => i.path[0] === "title")!, "body");
    expect(detailText(d, "zh")).toBe("必填");
    expect(detailText(d, "en")).toBe("is required");
    const t = taskSchemas.create.safeParse({ title: "x".repeat(201) });
    const long = issueDetail(t.error!.issues.find((i) => i.path[0] === "title")!, "body");
    expect(detailText(long, "zh")).toBe("不能超过 200 个字");
  });
});
