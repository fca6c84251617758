/**
 * The validation vocabulary: every message a person can read about a refused value, in zh-CN and
 * English, by key. Schemas and services put a `key` (and `params`) on each error detail; the web app
 * shows `detailText(detail, lang)` beside the field, the API keeps the English `message` for
 * clients and logs. Field names are shown through `fieldLabel` (src/shared/field-labels.ts), never raw.
 */
import type { ErrorDetail } from "../vocabulary/index.js";
import { fieldLabel, type Lang } from "./field-labels.js";

export type { Lang };

type Params = Readonly<Record<string, string | number | boolean | null>>;
type Text = (p: Params) => string;
interface Message {
  readonly zh: Text;
  readonly en: Text;
}

const s = (p: Params, k: string) => String(p[k] ?? "");
const n = (p: Params, k: string) => Number(p[k] ?? 0);
/** The part of a value a message shows: strings and numbers from zod issues' `origin`. */
const sizeZh = (p: Params) => (p.origin === "string" ? "个字" : p.origin === "array" ? "项" : "");
const sizeEn = (p: Params) => (p.origin === "string" ? " characters" : p.origin === "array" ? " items" : "");

/** Messages of our own rules (schemas' refinements and services' plausibility checks). */
/** What a ledger code names, in Chinese (the English word is the key). */
const LEDGER_WHAT: Readonly<Record<string, string>> = {
  unit: "单位",
  "task force": "专班",
  "parent task": "上级任务",
  task: "任务",
  indicator: "指标",
};

/** Why a ledger file could not be read at all (the xlsx reader's codes). */
const LEDGER_FILE: Readonly<Record<string, { zh: string; en: string }>> = {
  EMPTY_FILE: { zh: "文件是空的", en: "the file is empty" },
  NOT_XLSX: {
    zh: "不是 .xlsx 工作簿（旧版 .xls 或其他格式请另存为 .xlsx）",
    en: "not an .xlsx workbook (save an .xls or other format as .xlsx)",
  },
  ENCRYPTED: {
    zh: "工作簿设有打开密码：请去掉密码后另存再导入",
    en: "the workbook is password-protected: remove the password, save, and import again",
  },
  ZIP_BOMB: { zh: "文件解压后过大，已拒绝", en: "the file expands to far too much data and was refused" },
  TOO_LARGE: { zh: "文件过大", en: "the file is too large" },
  TOO_MANY_COLUMNS: { zh: "列数过多", en: "too many columns" },
  CELL_TOO_LONG: { zh: "单元格内容过长", en: "a cell's text is too long" },
  UNREADABLE: { zh: "文件已损坏，无法读取", en: "the file is damaged and cannot be read" },
};

export const RULE_MESSAGES = {
  notEmpty: { zh: () => "不能为空", en: () => "must not be empty" },
  wellFormed: {
    zh: () => "含有无法保存的字符",
    en: () => "must be well-formed Unicode text without NUL characters",
  },
  id: {
    zh: () => "编号格式不对（只能用字母、数字和 . _ -）",
    en: () => "must be an id (letters, digits, . _ -)",
  },
  date: { zh: () => "须为日期，如 2022-08-15", en: () => "must be a date YYYY-MM-DD" },
  realDate: { zh: () => "不是有效的日期", en: () => "must be a real calendar date" },
  dateRange: {
    zh: () => "日期须在 1900-01-01 至 2999-12-31 之间",
    en: () => "must lie between 1900-01-01 and 2999-12-31",
  },
  roundOutOfRange: {
    zh: () => "该日期的下一调度轮次将晚于 2999-12-31，请选择更早的日期",
    en: (p) => `the round after this date would end on ${s(p, "date")}, after 2999-12-31`,
  },
  month: { zh: () => "须为月份，如 2022-08", en: () => "must be a month YYYY-MM" },
  flag: { zh: () => "须为 true 或 false", en: () => "must be true or false (1 or 0)" },
  wholeNumber: { zh: () => "须为整数", en: () => "must be a whole number" },
  instant: {
    zh: () => "须为日期或时刻，如 2022-08-15 或 2022-08-15T08:00:00Z",
    en: () => "must be a date or an instant, e.g. 2022-08-15 or 2022-08-15T08:00:00Z",
  },
  username: {
    zh: () => "须为 2–40 位小写字母、数字或 . _ -",
    en: () => "must be 2–40 lower-case letters, digits, . _ -",
  },
  timeZone: {
    zh: () => "须为时区名称，如 Asia/Shanghai",
    en: () => "must be an IANA time zone such as Asia/Shanghai",
  },
  weekendsLeaveWorkday: {
    zh: () => "每周至少须有一天是工作日",
    en: () => "at least one day of the week must be a working day",
  },
  fileName: {
    zh: () => "文件名不能包含文件夹、控制字符或文字方向控制符",
    en: () => "must be a file name without folders, control characters or text-direction controls",
  },
  baselineNumbers: {
    zh: () => "须为一至两个基线版本号，如 1,2",
    en: () => "must be one or two baseline numbers, e.g. 1,2",
  },
  sortFields: {
    zh: () => "排序字段格式不对",
    en: () => "must be field names separated by commas, '-' for descending",
  },
  cursor: {
    zh: () => "分页游标格式不对，请使用上一页返回的 nextCursor",
    en: () => "must be a nextCursor this list gave",
  },
  roleMayNot: { zh: () => "您的角色无权查看或进行此操作", en: () => "your role may not do this" },
  notYourself: {
    zh: () => "只能以当前登录人的名义提交",
    en: () => "must be the person signed in",
  },
  tokenScope: {
    zh: () => "此 API 令牌仅限一个专班使用，不能查看或进行此操作",
    en: () => "this API token is limited to one task force and may not do this",
  },
  // Records and references
  missingRecord: {
    zh: () => "所选记录不存在（可能已被删除）",
    en: (p) => `no ${s(p, "what")} with id "${s(p, "id")}"`,
  },
  listsTwice: { zh: () => "列表中有重复项", en: () => "lists an id twice" },
  notFound: { zh: () => "记录不存在或已被删除", en: () => "not found" },
  staleVersion: {
    zh: () => "记录已被他人修改，请刷新后重新提交",
    en: () => "stale; reload the record and reapply your change",
  },
  // The other record is not named: its id means nothing to a person, the value they typed does.
  alreadyUsed: {
    zh: (p) => (p.value != null ? `${s(p, "value")} 已存在，不能重复` : "已被其他记录使用"),
    en: (p) =>
      p.value != null
        ? `${s(p, "value")} already exists and cannot be entered twice`
        : "is already used by another record",
  },
  immutable: { zh: () => "创建后不能修改", en: () => "cannot be changed after creation" },
  ownAncestor: { zh: () => "不能放在自身或其下级之下", en: () => "would make the record its own ancestor" },
  notBeforeField: {
    zh: (p) => `不能早于${fieldLabel(s(p, "field"), "zh")}（${s(p, "date")}）`,
    en: (p) => `must not be before ${s(p, "field")} (${s(p, "date")})`,
  },
  ownParent: { zh: () => "任务不能以自身为上级", en: () => "a task cannot be its own parent" },
  parentOtherTaskForce: {
    zh: () => "上级任务属于其他专班",
    en: (p) => `parent task ${s(p, "parent")} belongs to another task force`,
  },
  selfDependency: { zh: () => "任务不能以自身为前置任务", en: () => "a task cannot depend on itself" },
  noTask: { zh: () => "所选任务不存在", en: (p) => `no task with id "${s(p, "id")}"` },
  dependencyOtherTaskForce: {
    zh: (p) => `前置任务 ${s(p, "predecessor")} 与后续任务 ${s(p, "successor")} 不在同一专班`,
    en: (p) => `task ${s(p, "predecessor")} belongs to another task force than ${s(p, "successor")}`,
  },
  cycle: { zh: (p) => `将形成循环：${s(p, "chain")}`, en: (p) => `would close a cycle: ${s(p, "chain")}` },
  otherTaskForce: { zh: () => "属于其他专班", en: () => "belongs to another task force" },
  notFromState: {
    zh: () => "当前状态下不能进行此操作",
    en: (p) => `not allowed from state ${s(p, "state")}`,
  },
  lastLead: {
    zh: (p) => `${s(p, "person")} 是唯一的牵头人`,
    en: (p) => `${s(p, "person")} is the last lead`,
  },
  ownLead: { zh: () => "不能移除或降级自己的牵头人身份", en: () => "your own lead membership" },
  noAttachment: { zh: () => "附件不存在（可能已被删除）", en: (p) => `no attachment ${s(p, "id")}` },
  attachmentOtherTask: {
    zh: () => "附件是为其他任务上传的",
    en: (p) => `attachment ${s(p, "id")} was uploaded for another task, not ${s(p, "task")}`,
  },
  wrongPassword: { zh: () => "当前密码不正确", en: () => "wrong" },
  notYourRole: { zh: () => "不是您拥有的角色", en: () => "not one of your roles" },
  passwordTooShort: { zh: () => "密码至少需要 8 个字符", en: () => "must have at least 8 characters" },
  passwordTooLong: { zh: () => "密码不能超过 200 个字符", en: () => "must have at most 200 characters" },
  stillReferenced: {
    zh: (p) => `仍有 ${n(p, "n")} 条记录引用它`,
    en: (p) => `${n(p, "n")} ${s(p, "what")}(s) ${s(p, "how")}`,
  },
  // Progress reports
  reportAfterStatusDate: {
    zh: (p) =>
      `不能晚于状态日期 ${s(p, "statusDate")}${n(p, "grace") ? `（另可宽限 ${n(p, "grace")} 天）` : ""}：进展报告记录已经发生的情况`,
    en: (p) =>
      `is after the status date ${s(p, "statusDate")}${n(p, "grace") ? ` (and its grace of ${n(p, "grace")} days)` : ""}: a report tells what has happened`,
  },
  reportBeforeStart: {
    zh: (p) => `不能早于专班启动日期 ${s(p, "start")}`,
    en: (p) => `is before the task force's start ${s(p, "start")}`,
  },
  reportSaysNothing: {
    zh: () => "请写明进展情况或附上佐证材料",
    en: () => "a report says what was done: a text or evidence",
  },
  percentBelowEarlier: {
    zh: (p) => `低于 ${s(p, "date")} 已报的 ${n(p, "percent")}%：如需更正，请修改那条报告`,
    en: (p) => `is below the ${n(p, "percent")}% reported on ${s(p, "date")}: correct that report instead`,
  },
  // Indicator cascade (层层衔接)
  districtNeedsGoal: {
    zh: () => "区级指标（不属于任何专班）须关联它所量化的目标",
    en: () => "a district-level indicator (of no task force) names the goal it quantifies",
  },
  parentDiffers: {
    zh: (p) => `须与上级指标一致（上级为“${s(p, "value")}”）`,
    en: (p) => `must equal the parent indicator's (${s(p, "value")})`,
  },
  parentOtherTaskForceIndicator: {
    zh: () => "上级指标属于其他专班：专班指标只能分解到本专班的单位、街道或个人",
    en: () => "the parent indicator belongs to another task force: a task force's indicator splits within it",
  },
  ownIndicatorParent: { zh: () => "指标不能以自身为上级", en: () => "an indicator cannot be its own parent" },
  splitNoChildren: {
    zh: () => "该指标还没有下级分解指标：请先添加各单位或街道的分解指标",
    en: () => "this indicator has no shares yet: add the units' or streets' indicators first",
  },
  splitNotChild: {
    zh: () => "不是该指标的下级分解指标",
    en: () => "is not a share of this indicator",
  },
  splitLength: {
    zh: (p) => `须为每个下级指标各填一个数（共 ${n(p, "n")} 个）`,
    en: (p) => `needs one number for each share (${n(p, "n")})`,
  },
  splitNegative: { zh: () => "不能为负数", en: () => "must not be negative" },
  splitAllZero: { zh: () => "至少要有一个大于 0 的数", en: () => "needs at least one number above 0" },
  noLastYear: {
    zh: () => "没有上年实际值（基期值）：请先填写基期值，或改用按份额分解",
    en: () => "has no last year's actual (baseline): enter it, or split by typed shares",
  },
  lastYearNotForRates: {
    zh: () =>
      "增速、比率和时点值指标不能按上年实际分解（上年实际是比率，不是基数）：请按份额填写各单位的基数权重",
    en: () =>
      "a rate or level is not split by last year's actuals (they are rates, not bases): split by typed shares, each unit's base as its weight",
  },
  noLastYearMonths: {
    zh: (p) => `找不到 ${s(p, "year")} 年同编号指标的月度实际值：请改用按工作日或手填月度比例`,
    en: (p) =>
      `no monthly actuals of ${s(p, "year")} for this code: split by working days or typed monthly amounts`,
  },
  monthlyOnlyCumulative: {
    zh: () => "只有累计值指标能按月分解",
    en: () => "only a cumulative indicator is split into months",
  },
  // Indicator readings
  periodNotBegun: {
    zh: (p) => `${s(p, "period")} 在状态日期 ${s(p, "statusDate")} 还未开始`,
    en: (p) => `${s(p, "period")} has not begun at the status date ${s(p, "statusDate")}`,
  },
  actualFarOff: {
    zh: (p) =>
      `${s(p, "actual")}${s(p, "unit")} 远超出合理范围 ${s(p, "low")}–${s(p, "high")}${s(p, "unit")}（目标 ${s(p, "target")}${p.last != null ? `，上次 ${s(p, "lastPeriod")} 为 ${s(p, "last")}` : ""}）：请核实，或在备注中说明`,
    en: (p) =>
      `${s(p, "actual")}${s(p, "unit")} lies far outside ${s(p, "low")}–${s(p, "high")}${s(p, "unit")} (target ${s(p, "target")}${p.last != null ? `, last actual ${s(p, "last")} in ${s(p, "lastPeriod")}` : ""}): check it, or confirm it with a note`,
  },
  totalFalls: {
    zh: (p) =>
      `低于 ${s(p, "lastPeriod")} 的累计值 ${s(p, "last")}${s(p, "unit")}：累计值不会减少，请核实，或在备注中说明`,
    en: (p) =>
      `is below the year-to-date total ${s(p, "last")}${s(p, "unit")} of ${s(p, "lastPeriod")}: a total to date does not fall; check it, or confirm it with a note`,
  },
  // Corrections
  reasonRequired: { zh: () => "更正或撤回须说明理由", en: () => "a correction or withdrawal needs a reason" },
  // Supervision
  returnNeedsReason: { zh: () => "退回须写明原因", en: () => "a return needs a reason" },
  dueAfterRaised: {
    zh: (p) => `整改期限须晚于交办日期 ${s(p, "raisedOn")}`,
    en: (p) => `must fall after the day the item is raised (${s(p, "raisedOn")})`,
  },
  // Extension requests (延期申请)
  taskDone: { zh: () => "任务已完成，无需延期", en: () => "the task is done; it needs no extension" },
  notAfterDeadline: {
    zh: (p) =>
      p.basis === "lateFinish"
        ? `须晚于任务的最迟完成日期 ${s(p, "date")}（任务未设截止日期）`
        : `须晚于当前截止日期 ${s(p, "date")}`,
    en: (p) =>
      p.basis === "lateFinish"
        ? `must be after the task's late finish ${s(p, "date")} (it has no deadline)`
        : `must be after the current deadline ${s(p, "date")}`,
  },
  extensionPending: {
    zh: (p) => `已有一份待审批的延期申请（申请延至 ${s(p, "date")}），请等待审批或先撤回`,
    en: (p) => `a request to move it to ${s(p, "date")} is pending: wait for the decision or withdraw it`,
  },
  rejectNeedsNote: { zh: () => "驳回须写明意见", en: () => "a rejection needs a note" },
  // Ledger workbooks (台账): where is said by sheet, row and column beside the message
  ledgerMissingSheet: {
    zh: (p) =>
      `缺少工作表“${s(p, "sheet")}”（本单位台账的表名不同时，可在表头映射中指定对应的表或标明没有此表）`,
    en: (p) =>
      `the workbook has no sheet "${s(p, "sheet")}" (${s(p, "key")}); if your ledger names it otherwise, map it (or mark it absent)`,
  },
  ledgerMissingColumn: {
    zh: (p) => `表头中没有“${s(p, "header")}”列（表头写法不同时，可在表头映射中指定对应的列）`,
    en: (p) =>
      `the header row has no column "${s(p, "header")}" (${s(p, "key")}); if your ledger heads it otherwise, map it`,
  },
  mappingNotJson: { zh: () => "表头映射格式不正确", en: () => "is not a JSON header mapping" },
  ledgerMappingColumn: {
    zh: (p) => `表头映射中的“${s(p, "key")}”不是此工作表的列`,
    en: (p) => `the header mapping names "${s(p, "key")}", which is not a column of this sheet`,
  },
  ledgerRequired: { zh: (p) => `“${s(p, "header")}”必填`, en: (p) => `"${s(p, "header")}" is required` },
  ledgerTooLong: {
    zh: (p) => `超过 ${n(p, "max")} 个字符（现有 ${n(p, "length")} 个）`,
    en: (p) => `longer than ${n(p, "max")} characters (${n(p, "length")})`,
  },
  ledgerTooMany: { zh: (p) => `超过 ${n(p, "max")} 项`, en: (p) => `more than ${n(p, "max")} entries` },
  ledgerNotNumber: {
    zh: (p) => `“${s(p, "value")}”不是数字`,
    en: (p) => `"${s(p, "value")}" is not a number`,
  },
  ledgerNotInteger: {
    zh: (p) => `${s(p, "value")} 不是整数`,
    en: (p) => `${s(p, "value")} is not a whole number`,
  },
  ledgerOutOfRange: {
    zh: (p) => `${s(p, "value")} 超出范围 ${s(p, "min")}–${s(p, "max")}`,
    en: (p) => `${s(p, "value")} is outside ${s(p, "min")}–${s(p, "max")}`,
  },
  ledgerNotDate: {
    zh: (p) => `“${s(p, "value")}”不是日期，请写作 2022-08-15 或设为日期格式`,
    en: (p) => `"${s(p, "value")}" is not a date; write 2022-08-15 or use a date cell`,
  },
  ledgerBadSerial: {
    zh: (p) => `${s(p, "value")} 不是有效的 Excel 日期序号`,
    en: (p) => `${s(p, "value")} is not a valid Excel date serial number`,
  },
  ledgerDateRange: {
    zh: (p) => `${s(p, "date")} 不在 ${s(p, "from")} 至 ${s(p, "to")} 之间，请检查年份`,
    en: (p) => `${s(p, "date")} is outside ${s(p, "from")}–${s(p, "to")}; check the year`,
  },
  ledgerNotMonth: {
    zh: (p) => `“${s(p, "value")}”不是月份，请写作 2022-08`,
    en: (p) => `"${s(p, "value")}" is not a month; write 2022-08`,
  },
  ledgerNotInList: {
    zh: (p) => `“${s(p, "value")}”不是可选值，可选：${s(p, "allowed")}`,
    en: (p) => `"${s(p, "value")}" is not one of the choices (${s(p, "allowed")})`,
  },
  ledgerCellError: {
    zh: (p) => `单元格显示错误 ${s(p, "error")}`,
    en: (p) => `the cell shows the error ${s(p, "error")}`,
  },
  ledgerFormulaNoValue: {
    zh: (p) => `公式 =${s(p, "formula")} 没有保存计算结果：请在 Excel 中打开、计算后保存`,
    en: (p) =>
      `the formula =${s(p, "formula")} has no saved result: open the file in Excel, let it calculate, and save`,
  },
  ledgerMerged: {
    zh: (p) => `数据区有合并单元格 ${s(p, "range")}：请取消合并，每行填写完整`,
    en: (p) => `merged cells ${s(p, "range")} among the data rows: unmerge them and fill in every row`,
  },
  ledgerDuplicate: {
    zh: (p) => `与第 ${s(p, "row")} 行重复（${s(p, "value")}）`,
    en: (p) => `the same record as row ${s(p, "row")} (${s(p, "value")})`,
  },
  ledgerUnknownCode: {
    zh: (p) =>
      `找不到编码为“${s(p, "code")}”的${LEDGER_WHAT[s(p, "what")] ?? s(p, "what")}（工作簿和系统中都没有）`,
    en: (p) => `no ${s(p, "what")} with the code "${s(p, "code")}" in the workbook or the system`,
  },
  ledgerCorrectionReason: {
    zh: (p) =>
      p.was === p.now
        ? `此行修改 ${s(p, "period")} 已填报实际值的备注：请在“更正原因”列写明原因`
        : `此行将 ${s(p, "period")} 已填报的实际值 ${s(p, "was")} 改为 ${s(p, "now")}：请在“更正原因”列写明原因`,
    en: (p) =>
      p.was === p.now
        ? `the row changes the note of the stored actual of ${s(p, "period")}: say why in the reason column`
        : `the row changes the stored actual of ${s(p, "period")} from ${s(p, "was")} to ${s(p, "now")}: say why in the reason column`,
  },
  ledgerUnknownPerson: {
    zh: (p) => `找不到名为“${s(p, "name")}”的人员（工作簿和系统中都没有）`,
    en: (p) => `no person named "${s(p, "name")}" in the workbook or the system`,
  },
  ledgerAmbiguousPerson: {
    zh: (p) => `有多位人员名为“${s(p, "name")}”（单位：${s(p, "units")}），请写作 姓名（单位编码）`,
    en: (p) =>
      `several people are named "${s(p, "name")}" (units ${s(p, "units")}); write the name with the unit code in brackets`,
  },
  ledgerCycle: {
    zh: (p) => `形成了循环：${s(p, "codes")}`,
    en: (p) => `they form a cycle: ${s(p, "codes")}`,
  },
  ledgerBeforeRaised: {
    zh: (p) => `${s(p, "date")} 早于下发日期 ${s(p, "raisedOn")}`,
    en: (p) => `${s(p, "date")} is before the day the item was raised (${s(p, "raisedOn")})`,
  },
  ledgerFile: {
    zh: (p) => LEDGER_FILE[s(p, "code")]?.zh ?? "无法读取该文件",
    en: (p) => LEDGER_FILE[s(p, "code")]?.en ?? "the file cannot be read",
  },
  ledgerScope: {
    zh: () => "只能导入本人牵头的专班；单位、人员和新专班由管理员导入",
    en: () =>
      "you may import only into the task forces you lead; units, people and new task forces are an admin's",
  },
  // Evidence (decided by the file's bytes)
  contentNotEvidence: {
    zh: (p) => `文件内容实为 .${s(p, "ext")} 文件，不能作为佐证材料（与文件名和声明的类型无关）`,
    en: (p) =>
      `the file's content is a .${s(p, "ext")} file, which cannot be evidence (whatever its name or declared type)`,
  },
  contentUnknown: {
    zh: () => "文件内容不是可作佐证的类型（图片、PDF、Office 文档或文本），与文件名无关",
    en: () =>
      "the file's content is not a type that can be evidence (picture, PDF, Office document or text), whatever its name",
  },
  // 催办 by hand
  notInChain: {
    zh: () => "不在该事项的责任链上（责任人、牵头单位负责人、专班负责人、牵头领导）",
    en: () => "is not in the subject's chain (owner, unit head, task-force lead, lead leader)",
  },
  noOwner: {
    zh: () => "该事项没有责任人，请选择催办对象",
    en: () => "the subject has no owner; choose whom to chase",
  },
  chasedToday: {
    zh: () => "今天已向此人催办过该事项",
    en: () => "you already chased this person about it today",
  },
  subjectClosed: {
    zh: () => "该事项已完成或已办结，无需催办",
    en: () => "the subject is finished or closed; nothing to chase",
  },
  // Scheduling (the engine's problem codes)
  DEADLINE_BEFORE_START: {
    zh: (p) => `截止日期 ${s(p, "date")} 早于计划开始日期`,
    en: (p) => `deadline: ${s(p, "date")} is before the project start`,
  },
  END_BEFORE_START: { zh: () => "完成日期早于开始日期", en: () => "the finish is before the start" },
  CYCLE: { zh: () => "前置任务形成了循环", en: () => "the dependencies form a cycle" },
  PARENT_CYCLE: { zh: () => "上级任务形成了循环", en: () => "the parent tasks form a cycle" },
  BAD_DURATION: {
    zh: () => "工期须为不小于 0 的整数",
    en: () => "the duration must be a whole number of days, 0 or more",
  },
  BAD_DATE: { zh: () => "不是有效的日期", en: () => "is not a valid date" },
  DATE_OUT_OF_RANGE: { zh: () => "日期超出日历范围", en: () => "the date lies outside the calendar" },
  scheduledOutOfRange: {
    zh: (p) => `排期将落在 ${s(p, "date")}，超出 1900-01-01 至 2999-12-31 的范围`,
    en: (p) => `would be scheduled on ${s(p, "date")}, outside 1900-01-01 to 2999-12-31`,
  },
} satisfies Record<string, Message>;
export type RuleKey = keyof typeof RULE_MESSAGES;

/** Messages of zod's own issues, by issue code (`zod.<code>`), in words a form user reads. */
export const ZOD_MESSAGES = {
  "zod.invalid_type": {
    zh: (p) => (p.received === "undefined" ? "必填" : `格式不对，应为${typeZh(s(p, "expected"))}`),
    en: (p) => (p.received === "undefined" ? "is required" : `must be ${typeEn(s(p, "expected"))}`),
  },
  "zod.too_big": {
    zh: (p) =>
      p.origin === "string" || p.origin === "array"
        ? `不能超过 ${n(p, "maximum")} ${sizeZh(p)}`
        : `不能大于 ${n(p, "maximum")}`,
    en: (p) =>
      p.origin === "string" || p.origin === "array"
        ? `must have at most ${n(p, "maximum")}${sizeEn(p)}`
        : `must be at most ${n(p, "maximum")}`,
  },
  "zod.too_small": {
    zh: (p) =>
      p.origin === "string" || p.origin === "array"
        ? n(p, "minimum") <= 1
          ? "不能为空"
          : `至少 ${n(p, "minimum")} ${sizeZh(p)}`
        : `不能小于 ${n(p, "minimum")}`,
    en: (p) =>
      p.origin === "string" || p.origin === "array"
        ? n(p, "minimum") <= 1
          ? "must not be empty"
          : `must have at least ${n(p, "minimum")}${sizeEn(p)}`
        : `must be at least ${n(p, "minimum")}`,
  },
  "zod.invalid_value": {
    zh: (p) => `须为以下之一：${s(p, "values")}`,
    en: (p) => `must be one of: ${s(p, "values")}`,
  },
  "zod.invalid_format": { zh: () => "格式不对", en: () => "has the wrong format" },
  "zod.not_multiple_of": { zh: () => "须为整数", en: () => "must be a whole number" },
  "zod.unrecognized_keys": {
    zh: (p) => `不能填写这些项：${labels(p, "zh")}`,
    en: (p) => `cannot be given: ${labels(p, "en")}`,
  },
  "zod.invalid_union": { zh: () => "格式不对", en: () => "has the wrong format" },
  "zod.invalid_key": { zh: () => "格式不对", en: () => "has the wrong format" },
  "zod.invalid_element": { zh: () => "其中有一项格式不对", en: () => "holds an item with the wrong format" },
  "zod.custom": { zh: () => "格式不对", en: () => "is not valid" },
} satisfies Record<string, Message>;

/** The unknown keys of an issue by their labels (a key nobody knows is named as it was sent). */
const labels = (p: Params, lang: Lang) =>
  s(p, "keys")
    .split(", ")
    .map((k) => {
      const label = fieldLabel(k, lang);
      return label === fieldLabel("", lang) ? k : label;
    })
    .join(lang === "zh" ? "、" : ", ");

const TYPES: Record<string, { zh: string; en: string }> = {
  number: { zh: "数字", en: "a number" },
  int: { zh: "整数", en: "a whole number" },
  string: { zh: "文字", en: "text" },
  boolean: { zh: "是或否", en: "yes or no" },
  array: { zh: "列表", en: "a list" },
  object: { zh: "一组字段", en: "an object" },
  date: { zh: "日期", en: "a date" },
};
const typeZh = (t: string) => TYPES[t]?.zh ?? t;
const typeEn = (t: string) => TYPES[t]?.en ?? t;

const ALL: Record<string, Message> = { ...RULE_MESSAGES, ...ZOD_MESSAGES };

/** Whether `key` has a message in both languages. */
export const hasMessage = (key: string): boolean => key in ALL;

/** A detail of one of our rules: the English message for the API, the key for people. */
export function ruleDetail(path: string, key: RuleKey, params: Params = {}): ErrorDetail {
  return { path, message: RULE_MESSAGES[key].en(params), key, params };
}

/** Refinement options of a schema rule with a key (`.refine(ok, keyed("notEmpty"))`). */
export const keyed = (key: RuleKey) => ({ message: RULE_MESSAGES[key].en({}), params: { key } });

/** What a zod issue looks like to us (zod's own type is not imported: the web bundles this too). */
export interface IssueLike {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly params?: Record<string, unknown>;
}

const ISSUE_PARAMS = [
  "origin",
  "maximum",
  "minimum",
  "expected",
  "received",
  "format",
  "keys",
  "values",
  "divisor",
];

/** A zod issue as an error detail (`prefix` names where it was found, e.g. `body`). */
export function issueDetail(issue: IssueLike, prefix = ""): ErrorDetail {
  const sub = issue.path.map(String).join(".");
  const path = prefix && sub ? `${prefix}.${sub}` : prefix || sub;
  const own = issue.params?.key;
  if (typeof own === "string" && own in RULE_MESSAGES)
    return { path, message: issue.message, key: own, params: {} };
  const params: Record<string, string | number | boolean | null> = {};
  for (const [k, v] of Object.entries(issue)) {
    if (!ISSUE_PARAMS.includes(k) || v === undefined) continue;
    params[k] = Array.isArray(v)
      ? v.map(String).join(", ")
      : typeof v === "object" && v !== null
        ? String(v)
        : (v as string | number | boolean | null);
  }
  // zod v4 keeps no input on its issues; its message tells a missing value.
  if (issue.code === "invalid_type" && /received undefined$/.test(issue.message))
    params.received = "undefined";
  const extra = issue.code === "unrecognized_keys" && params.keys ? `: ${params.keys}` : "";
  return { path, message: `${issue.message}${extra}`, key: `zod.${issue.code}`, params };
}

/** A detail's message in `lang`: by its key, or (no key: a free text) its message as it is. */
export function detailText(d: ErrorDetail, lang: Lang): string {
  const m = d.key ? ALL[d.key] : undefined;
  return m ? m[lang](d.params ?? {}) : d.message;
}
