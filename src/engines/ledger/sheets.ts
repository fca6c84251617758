/**
 * The ledger's (台账) sheets and columns: one definition serves the template, the export and the
 * import. Headers are Chinese with the English key in the second header row; enum cells take the
 * Chinese label (the template's drop-down) or the English value.
 */
import { ENUMS, type EnumValue } from "./enums.js";

export type { EnumValue };

export type ColumnType =
  | { readonly kind: "text"; readonly max: number }
  /** Several codes in one cell, separated by 、 ， , ; or new lines. */
  | { readonly kind: "list"; readonly max: number }
  | { readonly kind: "int"; readonly min: number; readonly max: number }
  | { readonly kind: "number" }
  | { readonly kind: "date" }
  /** A month, YYYY-MM. */
  | { readonly kind: "month" }
  | { readonly kind: "enum"; readonly values: readonly EnumValue[] };

export interface ColumnSpec {
  readonly key: string;
  readonly zh: string;
  readonly en: string;
  readonly type: ColumnType;
  readonly required?: boolean;
  /**
   * Read for a new record only: an existing record's value is the system's (a supervision item's
   * state moves only through its transitions), so the import leaves it as stored.
   */
  readonly createOnly?: boolean;
  /** Shown as the header cell's comment, after the English key. */
  readonly hint?: string;
}

export const SHEET_KEYS = [
  "units",
  "people",
  "taskForces",
  "members",
  "tasks",
  "dependencies",
  "indicators",
  "readings",
  "supervision",
] as const;
export type SheetKey = (typeof SHEET_KEYS)[number];

export interface SheetSpec {
  readonly key: SheetKey;
  readonly zh: string;
  readonly en: string;
  readonly columns: readonly ColumnSpec[];
  /** The columns that name a row's record (codes); two rows with the same identity are duplicates. */
  readonly identity: readonly string[];
}

const text = (max: number): ColumnType => ({ kind: "text", max });
const DATE: ColumnType = { kind: "date" };
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** The sheets in the order they are written and imported (what a row refers to comes first). */
export const SHEETS: readonly SheetSpec[] = [
  {
    key: "units",
    zh: "单位",
    en: "units",
    identity: ["code"],
    columns: [
      { key: "code", zh: "单位编码", en: "code", type: text(40), required: true },
      { key: "name", zh: "单位名称", en: "name", type: text(100), required: true },
      {
        key: "kind",
        zh: "单位类型",
        en: "kind",
        type: { kind: "enum", values: ENUMS.orgUnitKind },
        required: true,
      },
      { key: "parentCode", zh: "上级单位编码", en: "parentCode", type: text(40) },
      { key: "sort", zh: "排序", en: "sort", type: { kind: "int", min: 0, max: 1_000_000 } },
    ],
  },
  {
    key: "people",
    zh: "人员",
    en: "people",
    identity: ["name", "unitCode"],
    columns: [
      { key: "name", zh: "姓名", en: "name", type: text(60), required: true },
      { key: "unitCode", zh: "所在单位编码", en: "unitCode", type: text(40) },
      { key: "post", zh: "职务", en: "post", type: text(100) },
      { key: "phone", zh: "电话", en: "phone", type: text(40) },
      { key: "email", zh: "邮箱", en: "email", type: text(120) },
    ],
  },
  {
    key: "taskForces",
    zh: "专班",
    en: "taskForces",
    identity: ["code"],
    columns: [
      { key: "code", zh: "专班编码", en: "code", type: text(20), required: true },
      { key: "name", zh: "专班名称", en: "name", type: text(100), required: true },
      { key: "leadLeader", zh: "包保领导", en: "leadLeader", type: text(60), hint: "姓名 / person's name" },
      { key: "leadUnitCode", zh: "牵头单位编码", en: "leadUnitCode", type: text(40) },
      {
        key: "coUnitCodes",
        zh: "配合单位编码",
        en: "coUnitCodes",
        type: { kind: "list", max: 100 },
        hint: "多个用顿号分隔 / several, separated by 、",
      },
      { key: "startDate", zh: "开始日期", en: "startDate", type: DATE },
      { key: "deadline", zh: "完成时限", en: "deadline", type: DATE },
      {
        key: "status",
        zh: "状态",
        en: "status",
        type: { kind: "enum", values: ENUMS.taskForceStatus },
      },
      { key: "objective", zh: "工作目标", en: "objective", type: text(4000) },
      { key: "scope", zh: "工作范围", en: "scope", type: text(4000) },
      { key: "measures", zh: "工作举措", en: "measures", type: text(8000) },
      { key: "guarantees", zh: "保障措施", en: "guarantees", type: text(4000) },
    ],
  },
  {
    key: "members",
    zh: "专班成员",
    en: "members",
    identity: ["taskForceCode", "person"],
    columns: [
      { key: "taskForceCode", zh: "专班编码", en: "taskForceCode", type: text(20), required: true },
      { key: "person", zh: "姓名", en: "person", type: text(60), required: true },
      { key: "post", zh: "岗位", en: "post", type: text(100), required: true },
      { key: "role", zh: "角色", en: "role", type: { kind: "enum", values: ENUMS.memberRole } },
      { key: "duties", zh: "职责", en: "duties", type: text(2000) },
    ],
  },
  {
    key: "tasks",
    zh: "任务",
    en: "tasks",
    identity: ["taskForceCode", "code"],
    columns: [
      { key: "taskForceCode", zh: "专班编码", en: "taskForceCode", type: text(20), required: true },
      { key: "code", zh: "WBS编码", en: "code", type: text(40), required: true },
      { key: "title", zh: "任务名称", en: "title", type: text(200), required: true },
      { key: "parentCode", zh: "上级WBS编码", en: "parentCode", type: text(40) },
      { key: "unitCode", zh: "责任单位编码", en: "unitCode", type: text(40) },
      { key: "person", zh: "责任人", en: "person", type: text(60) },
      { key: "post", zh: "责任岗位", en: "post", type: text(100) },
      {
        key: "duration",
        zh: "工期（工作日）",
        en: "duration",
        type: { kind: "int", min: 0, max: 10_000 },
        hint: "0 = 进度节点 / milestone",
      },
      { key: "deadline", zh: "截止日期", en: "deadline", type: DATE },
      { key: "weight", zh: "考核权重", en: "weight", type: { kind: "int", min: 0, max: 100 } },
      { key: "acceptance", zh: "验收标准", en: "acceptance", type: text(2000) },
      {
        key: "indicatorCodes",
        zh: "支撑指标编码",
        en: "indicatorCodes",
        type: { kind: "list", max: 100 },
        hint: "本专班或区级指标编码，多个用顿号分隔 / the task force's or district indicator codes, separated by 、",
      },
    ],
  },
  {
    key: "dependencies",
    zh: "前置关系",
    en: "dependencies",
    identity: ["taskForceCode", "predecessorCode", "successorCode"],
    columns: [
      { key: "taskForceCode", zh: "专班编码", en: "taskForceCode", type: text(20), required: true },
      {
        key: "predecessorCode",
        zh: "前置任务WBS编码",
        en: "predecessorCode",
        type: text(40),
        required: true,
      },
      { key: "successorCode", zh: "后续任务WBS编码", en: "successorCode", type: text(40), required: true },
      { key: "type", zh: "关系类型", en: "type", type: { kind: "enum", values: ENUMS.dependencyType } },
      { key: "lag", zh: "间隔（工作日）", en: "lag", type: { kind: "int", min: -10_000, max: 10_000 } },
    ],
  },
  {
    key: "indicators",
    zh: "指标",
    en: "indicators",
    identity: ["taskForceCode", "code"],
    columns: [
      { key: "taskForceCode", zh: "专班编码", en: "taskForceCode", type: text(20), required: true },
      { key: "code", zh: "指标编码", en: "code", type: text(40), required: true },
      { key: "name", zh: "指标名称", en: "name", type: text(100), required: true },
      {
        key: "kind",
        zh: "指标类型",
        en: "kind",
        type: { kind: "enum", values: ENUMS.indicatorKind },
        required: true,
      },
      { key: "direction", zh: "方向", en: "direction", type: { kind: "enum", values: ENUMS.direction } },
      { key: "unit", zh: "计量单位", en: "unit", type: text(20) },
      { key: "year", zh: "年度", en: "year", type: { kind: "int", min: 2000, max: 2100 }, required: true },
      { key: "baseline", zh: "基期值", en: "baseline", type: { kind: "number" } },
      { key: "target", zh: "目标值", en: "target", type: { kind: "number" }, required: true },
      { key: "taskCode", zh: "关联任务WBS编码", en: "taskCode", type: text(40) },
      { key: "owner", zh: "责任人", en: "owner", type: text(60) },
      {
        key: "parentCode",
        zh: "上级指标编码",
        en: "parentCode",
        type: text(40),
        hint: "层层衔接：本专班或区级指标编码 / the indicator this one is a share of: this task force's or a district one",
      },
      { key: "unitCode", zh: "责任单位编码", en: "unitCode", type: text(40) },
      {
        key: "weight",
        zh: "权重",
        en: "weight",
        type: { kind: "number" },
        hint: "比率、水平类分解的权重（如基数占比） / weight in the parent's weighted result (rates, levels)",
      },
      ...MONTHS.map(
        (m): ColumnSpec => ({ key: `plan${m}`, zh: `${m}月计划`, en: `plan${m}`, type: { kind: "number" } }),
      ),
      { key: "note", zh: "备注", en: "note", type: text(2000) },
    ],
  },
  {
    key: "readings",
    zh: "月度实际",
    en: "readings",
    identity: ["taskForceCode", "indicatorCode", "period"],
    columns: [
      { key: "taskForceCode", zh: "专班编码", en: "taskForceCode", type: text(20), required: true },
      { key: "indicatorCode", zh: "指标编码", en: "indicatorCode", type: text(40), required: true },
      { key: "period", zh: "月份", en: "period", type: { kind: "month" }, required: true },
      { key: "actual", zh: "实际值", en: "actual", type: { kind: "number" }, required: true },
      { key: "note", zh: "备注", en: "note", type: text(2000) },
      // Required only where the row changes a stored actual (as PATCH asks a reason); kept in the audit trail.
      { key: "reason", zh: "更正原因", en: "reason", type: text(500) },
    ],
  },
  {
    key: "supervision",
    zh: "督办事项",
    en: "supervision",
    identity: ["code"],
    columns: [
      { key: "code", zh: "督办编号", en: "code", type: text(40), required: true },
      { key: "taskForceCode", zh: "专班编码", en: "taskForceCode", type: text(20), required: true },
      { key: "taskCode", zh: "任务WBS编码", en: "taskCode", type: text(40) },
      { key: "raisedOn", zh: "下发日期", en: "raisedOn", type: DATE, required: true },
      { key: "issue", zh: "存在问题", en: "issue", type: text(4000), required: true },
      { key: "requiredAction", zh: "整改要求", en: "requiredAction", type: text(4000), required: true },
      { key: "person", zh: "责任人", en: "person", type: text(60) },
      { key: "unitCode", zh: "责任单位编码", en: "unitCode", type: text(40) },
      { key: "dueDate", zh: "整改期限", en: "dueDate", type: DATE, required: true },
      {
        key: "state",
        zh: "状态",
        en: "state",
        type: { kind: "enum", values: ENUMS.supervisionState },
        createOnly: true,
        hint: "新建事项按台账记录；已有事项只能在系统中流转 / a new item takes it from the ledger; an existing item moves only in the system",
      },
      { key: "rectification", zh: "整改情况", en: "rectification", type: text(4000), createOnly: true },
      { key: "submittedOn", zh: "报结日期", en: "submittedOn", type: DATE, createOnly: true },
      { key: "verifiedOn", zh: "销号日期", en: "verifiedOn", type: DATE, createOnly: true },
      {
        key: "returnCount",
        zh: "退回次数",
        en: "returnCount",
        type: { kind: "int", min: 0, max: 1000 },
        createOnly: true,
      },
      { key: "lastNote", zh: "最近意见", en: "lastNote", type: text(4000), createOnly: true },
    ],
  },
];

export const sheetSpec = (key: SheetKey): SheetSpec => SHEETS.find((s) => s.key === key)!;
