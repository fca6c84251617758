/**
 * What people call the fields of our records, in zh-CN and English: refusals name a field by its
 * label, never by its wire name. Every field of every create and update schema has one (a test
 * walks them); actions' bodies and queries add theirs.
 */
/** The two UI languages, as the vocabulary names them. */
export type Lang = "zh" | "en";

const L = (zh: string, en: string) => ({ zh, en });

export const FIELD_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  acceptance: L("验收标准", "Acceptance criterion"),
  actual: L("实际值", "Actual"),
  actualFinish: L("实际完成日期", "Actual finish"),
  actualStart: L("实际开始日期", "Actual start"),
  baseline: L("基期值", "Baseline value"),
  baselineStart: L("基线开始日期", "Baseline start"),
  baselineFinish: L("基线完成日期", "Baseline finish"),
  body: L("内容", "Text"),
  coUnitIds: L("配合单位", "Co-units"),
  indicatorIds: L("支撑指标", "Indicators advanced"),
  code: L("编号", "Code"),
  coordination: L("需协调事项", "Coordination needed"),
  deadline: L("截止日期", "Deadline"),
  description: L("说明", "Description"),
  direction: L("方向", "Direction"),
  disabled: L("停用", "Disabled"),
  displayName: L("显示名称", "Display name"),
  dueDate: L("整改期限", "Rectification deadline"),
  duration: L("工期", "Duration"),
  duties: L("职责", "Duties"),
  email: L("电子邮箱", "Email"),
  evidence: L("佐证材料", "Evidence"),
  goalId: L("目标", "Goal"),
  goalIds: L("服务目标", "Goals served"),
  guarantees: L("保障措施", "Guarantees"),
  indicatorId: L("指标", "Indicator"),
  issue: L("存在问题", "Problem found"),
  kind: L("类型", "Kind"),
  lag: L("间隔", "Lag"),
  leadLeaderId: L("牵头领导", "Lead leader"),
  leadUnitId: L("牵头单位", "Lead unit"),
  level: L("层级", "Level"),
  measures: L("工作措施", "Measures"),
  monthlyPlan: L("月度计划", "Monthly plan"),
  monthly: L("月度数值", "Monthly amounts"),
  method: L("分解方法", "Method"),
  children: L("分解指标", "Shares"),
  share: L("份额", "Share"),
  decimals: L("小数位数", "Decimals"),
  name: L("名称", "Name"),
  mapping: L("表头映射", "Header mapping"),
  narrative: L("进展情况", "Progress"),
  notBefore: L("最早开始日期", "Not before"),
  note: L("备注", "Note"),
  objective: L("工作目标", "Objective"),
  orgUnitId: L("所属单位", "Org unit"),
  ownerPersonId: L("责任人", "Owner"),
  parentId: L("上级", "Parent"),
  headPersonId: L("负责人", "Head"),
  percent: L("完成率", "Percent complete"),
  period: L("月份", "Month"),
  personId: L("人员", "Person"),
  phone: L("电话", "Phone"),
  post: L("岗位", "Post"),
  predecessorId: L("前置任务", "Predecessor"),
  problems: L("存在问题", "Problems"),
  raisedById: L("交办人", "Raised by"),
  raisedOn: L("交办日期", "Raised on"),
  reportDate: L("报告日期", "Report date"),
  reportedById: L("报告人", "Reported by"),
  requiredAction: L("整改要求", "Required action"),
  responsiblePersonId: L("责任人", "Responsible person"),
  responsiblePost: L("责任岗位", "Responsible post"),
  responsibleUnitId: L("责任单位", "Responsible unit"),
  role: L("角色", "Role"),
  roles: L("角色", "Roles"),
  scope: L("范围", "Scope"),
  sort: L("排序", "Order"),
  startDate: L("启动日期", "Start date"),
  status: L("状态", "Status"),
  state: L("状态", "State"),
  successorId: L("后续任务", "Successor"),
  supervisionItemId: L("督办事项", "Supervision item"),
  target: L("目标值", "Target"),
  taskForceId: L("专班", "Task force"),
  taskId: L("任务", "Task"),
  title: L("名称", "Title"),
  type: L("关系类型", "Type"),
  unit: L("计量单位", "Unit"),
  username: L("用户名", "Username"),
  version: L("版本", "Version"),
  weight: L("考核权重", "Weight"),
  year: L("年度", "Year"),
  // Action bodies and queries
  reason: L("理由", "Reason"),
  recipientId: L("催办对象", "Whom to chase"),
  subjectId: L("催办事项", "What to chase about"),
  subjectKind: L("事项类型", "Kind of subject"),
  daysBefore: L("提前提醒（工作日）", "Days before"),
  overdueEvery: L("超期提醒间隔（工作日）", "Overdue interval"),
  requestedDeadline: L("申请延期至", "Requested deadline"),
  number: L("基线版本", "Baseline number"),
  completion: L("完成确认", "Completion review"),
  completionNote: L("确认意见", "Review note"),
  file: L("文件", "File"),
  statusDate: L("状态日期", "Status date"),
  password: L("密码", "Password"),
  currentPassword: L("当前密码", "Current password"),
  newPassword: L("新密码", "New password"),
  redBehindPoints: L("红灯滞后（百分点）", "Red when behind by (points)"),
  yellowBehindPoints: L("黄灯滞后（百分点）", "Yellow when behind by (points)"),
  deadlineSoonWorkdays: L("临近截止（工作日）", "Deadline soon (working days)"),
  lowFloatWorkdays: L("时差偏小（工作日）", "Low float (working days)"),
  limit: L("每页条数", "Page size"),
  offset: L("起始位置", "Offset"),
  q: L("搜索内容", "Search text"),
  kinds: L("搜索类别", "Kinds to search"),
};

const PREFIXES = /^(body|querystring|params|headers)\.?/;

/** Lists of records inside one body (the task-force setup's `members`), named item by item. */
const ITEM_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  members: L("成员", "Member"),
  // The splitting tool's shares (`children.2.share`): the third share.
  children: L("分解指标", "Share"),
};

/**
 * The field a detail's path names, and the task when the path names one by WBS code:
 * `body.deadline` → deadline, `evidence.1` → evidence, `task 01.2.deadline` → deadline of task 01.2.
 */
export function detailField(path: string): { field: string; taskCode: string | null } {
  const rest = path.replace(PREFIXES, "");
  const task = /^task (\S+?)\.(\w+)$/.exec(rest);
  return task ? { field: task[2]!, taskCode: task[1]! } : { field: rest.split(".")[0] ?? "", taskCode: null };
}

/**
 * A detail's path in words: `body.reportDate` → 报告日期, `evidence.1` → 佐证材料 第 2 项,
 * `task 1.2.deadline` → 任务 1.2 · 截止日期, `members.1.post` → 成员 第 2 项 · 岗位. An unknown field
 * is named generically, never raw.
 */
export function fieldLabel(path: string, lang: Lang): string {
  const rest = path.replace(PREFIXES, "");
  const named = detailField(path);
  if (named.taskCode) {
    const field = FIELD_LABELS[named.field]?.[lang] ?? "";
    return lang === "zh"
      ? `任务 ${named.taskCode}${field ? ` · ${field}` : ""}`
      : `Task ${named.taskCode}${field ? ` · ${field}` : ""}`;
  }
  const item = /^(\w+)\.(\d+)\.(\w+)/.exec(rest);
  const list = item && Object.hasOwn(ITEM_LABELS, item[1]!) ? ITEM_LABELS[item[1]!] : undefined;
  if (item && list) {
    const k = Number(item[2]) + 1;
    const field = FIELD_LABELS[item[3]!]?.[lang];
    const head = lang === "zh" ? `${list.zh} 第 ${k} 项` : `${list.en} ${k}`;
    return field ? `${head} · ${field}` : head;
  }
  const parts = rest.split(".").filter(Boolean);
  const name = parts.find((p) => p in FIELD_LABELS);
  if (!name) return lang === "zh" ? "输入" : "Input";
  const label = FIELD_LABELS[name]?.[lang] ?? name;
  const index = parts[parts.indexOf(name) + 1];
  if (index !== undefined && /^\d+$/.test(index)) {
    const k = Number(index) + 1;
    return lang === "zh" ? `${label} 第 ${k} 项` : `${label}, item ${k}`;
  }
  return label;
}
