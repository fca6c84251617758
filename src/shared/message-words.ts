/**
 * The words of a message (催办, 延期申请, completion review) in zh-CN and English, made from its kind
 * and plain params: the e-mail the delivery worker sends, and any reader of the inbox. Messages store
 * values only (codes, titles, dates, names, a rule), so a reader's language is chosen when it is read.
 */
import { CHAIN_LEVELS, type ChainLevel, REMINDER_RULES, type ReminderRule } from "../vocabulary/words.js";
import type { Lang } from "./field-labels.js";

export type { Lang };

/** A message's params as stored (plain values, no prose). */
export type MessageParams = Readonly<Record<string, string | number | null | undefined>>;

/** What a message is about and to whom, as far as its words need. */
export interface MessageToWord {
  readonly kind: string;
  readonly personName?: string | null;
  readonly params: MessageParams;
}

/** The words of one message: a one-line subject and a plain-text body. */
export interface MessageWords {
  readonly subject: string;
  readonly body: string;
}

type ChaseRule = ReminderRule | "manual";

const RULES: Readonly<Record<Lang, Readonly<Record<ChaseRule, string>>>> = {
  zh: {
    dueSoon: "您负责的事项临近截止日期",
    dueToday: "您负责的事项今日到期",
    overdue: "事项已超期，请尽快推进",
    noReport: "本轮调度尚未报送进展",
    supervisionDueSoon: "督办事项临近整改期限",
    supervisionDueToday: "督办事项今日到达整改期限",
    supervisionOverdue: "督办事项已超过整改期限",
    manual: "您收到一条催办",
  },
  en: {
    dueSoon: "A deadline of yours is coming up",
    dueToday: "A deadline of yours is today",
    overdue: "Work is overdue; please move it forward",
    noReport: "No progress report yet this round",
    supervisionDueSoon: "A supervision item's rectification deadline is coming up",
    supervisionDueToday: "A supervision item's rectification deadline is today",
    supervisionOverdue: "A supervision item's rectification deadline has passed",
    manual: "You have been chased (催办)",
  },
};

const LEVELS: Readonly<Record<Lang, Readonly<Record<ChainLevel, string>>>> = {
  zh: { owner: "责任人", unitHead: "责任单位负责人", lead: "专班牵头人", leadLeader: "牵头领导" },
  en: {
    owner: "owner",
    unitHead: "head of the responsible unit",
    lead: "task-force lead",
    leadLeader: "lead leader",
  },
};

/** The labelled lines and fixed sentences of each language. */
const W = {
  zh: {
    brand: "【挂图】",
    hello: (name: string) => (name ? `${name}，您好：` : "您好："),
    item: "事项",
    due: "截止日期",
    late: (n: number) => `（已超期 ${n} 个工作日）`,
    asLevel: (level: string) => `您作为${level}收到此提醒。`,
    by: "催办人",
    reason: "事由",
    current: "原截止日期",
    requested: "申请延期至",
    requestedBy: "申请人",
    decidedBy: "审批人",
    note: "意见",
    claimedBy: "报告人",
    returnedBy: "退回人",
    approved: "已批准",
    rejected: "未批准",
    subjects: {
      chase: "催办",
      extensionRequested: "延期申请待审批",
      extensionDecided: "延期申请",
      completionClaimed: "完成情况待确认",
      completionReturned: "完成情况被退回",
      other: "新消息",
    },
    leads: {
      extensionRequested: "有一项延期申请等待您审批。",
      extensionDecided: (d: string) => `您的延期申请${d}。`,
      completionClaimed: "有一项任务报告已完成，等待您对照验收标准和佐证材料确认。",
      completionReturned: "您报告完成的任务未通过确认，已退回，请按意见继续推进。",
      other: "您有一条新消息。",
    },
    footer: "请登录挂图系统查看详情。此邮件由系统自动发送，请勿直接回复。",
  },
  en: {
    brand: "[Guatu] ",
    hello: (name: string) => (name ? `Dear ${name},` : "Hello,"),
    item: "About",
    due: "Due",
    late: (n: number) => ` (${n} working day(s) late)`,
    asLevel: (level: string) => `You receive this reminder as the ${level}.`,
    by: "Chased by",
    reason: "Reason",
    current: "Current deadline",
    requested: "Requested deadline",
    requestedBy: "Requested by",
    decidedBy: "Decided by",
    note: "Note",
    claimedBy: "Reported by",
    returnedBy: "Sent back by",
    approved: "approved",
    rejected: "rejected",
    subjects: {
      chase: "Reminder",
      extensionRequested: "Extension request to decide",
      extensionDecided: "Extension request",
      completionClaimed: "Completion to confirm",
      completionReturned: "Completion sent back",
      other: "New message",
    },
    leads: {
      extensionRequested: "An extension request awaits your decision.",
      extensionDecided: (d: string) => `Your extension request was ${d}.`,
      completionClaimed:
        "A task was reported complete; please confirm it against its acceptance criterion and evidence.",
      completionReturned: "The task you reported complete was sent back; please carry on as noted.",
      other: "You have a new message.",
    },
    footer: "Sign in to Guatu for the details. This e-mail was sent automatically; please do not reply.",
  },
} as const;

/** The first of `keys` that holds a value, as text ("" when none does). */
function pick(p: MessageParams, ...keys: string[]): string {
  for (const k of keys) {
    const v = p[k];
    if (v !== null && v !== undefined && String(v) !== "") return String(v);
  }
  return "";
}

const isRule = (r: string): r is ChaseRule =>
  r === "manual" || (REMINDER_RULES as readonly string[]).includes(r);
const isLevel = (l: string): l is ChainLevel => (CHAIN_LEVELS as readonly string[]).includes(l);

/** `label：value` lines (`label: value` in English) for the values present. */
function lines(lang: Lang, pairs: readonly (readonly [string, string])[]): string[] {
  const sep = lang === "zh" ? "：" : ": ";
  return pairs.filter(([, v]) => v !== "").map(([k, v]) => `${k}${sep}${v}`);
}

/** A chase: the rule's sentence, the level when above the owner, the item, due day, who and why. */
function chaseLines(p: MessageParams, lang: Lang, item: string): string[] {
  const w = W[lang];
  const rule = pick(p, "rule");
  const level = pick(p, "level");
  const late = Number(pick(p, "workdaysLate") || 0);
  const due = pick(p, "dueDate", "due");
  return [
    isRule(rule) ? RULES[lang][rule] : RULES[lang].manual,
    ...(isLevel(level) && level !== "owner" ? [w.asLevel(LEVELS[lang][level])] : []),
    ...lines(lang, [
      [w.item, item],
      [w.due, due ? `${due}${late > 0 ? w.late(late) : ""}` : ""],
      [w.by, pick(p, "senderName", "sender")],
      [w.reason, pick(p, "reason")],
    ]),
  ];
}

/** A 延期申请 to decide, or its decision. */
function extensionLines(requested: boolean, p: MessageParams, lang: Lang, item: string): string[] {
  const w = W[lang];
  const decision = pick(p, "decision", "state");
  return [
    requested
      ? w.leads.extensionRequested
      : w.leads.extensionDecided(decision === "approved" ? w.approved : w.rejected),
    ...lines(lang, [
      [w.item, item],
      [w.current, pick(p, "currentDeadline")],
      [w.requested, pick(p, "requestedDeadline")],
      [w.requestedBy, requested ? pick(p, "requestedByName") : ""],
      [w.reason, pick(p, "reason")],
      [w.decidedBy, pick(p, "decidedByName")],
      [w.note, pick(p, "decisionNote", "note")],
    ]),
  ];
}

/** The lines special to each kind (what it says, then its values). */
function kindLines(m: MessageToWord, lang: Lang, item: string): string[] {
  const w = W[lang];
  const p = m.params;
  if (m.kind === "chase") return chaseLines(p, lang, item);
  if (m.kind === "extensionRequested" || m.kind === "extensionDecided")
    return extensionLines(m.kind === "extensionRequested", p, lang, item);
  if (m.kind === "completionClaimed" || m.kind === "completionReturned")
    return [
      w.leads[m.kind],
      ...lines(lang, [
        [w.item, item],
        m.kind === "completionClaimed"
          ? [w.claimedBy, pick(p, "byName", "ownerName", "claimedByName")]
          : [w.returnedBy, pick(p, "byName", "reviewerName", "returnedByName")],
        [w.note, pick(p, "note", "reason", "completionNote")],
      ]),
    ];
  return [w.leads.other, ...lines(lang, [[w.item, item]])];
}

/**
 * The subject and body of a message in `lang`, e.g. a chase (rule `overdue`) about task 01.2 reads
 * "【挂图】催办：01.2 摸底调查" with the rule's sentence, the due day and who chased in the body.
 * Unknown kinds and missing params give plainer words, never an error.
 */
export function messageWords(m: MessageToWord, lang: Lang): MessageWords {
  const w = W[lang];
  const p = m.params;
  const item = [pick(p, "subjectCode", "taskCode", "code"), pick(p, "subjectTitle", "taskTitle", "title")]
    .filter(Boolean)
    .join(" ");
  const kindWord = Object.entries(w.subjects).find(([k]) => k === m.kind)?.[1] ?? w.subjects.other;
  const colon = lang === "zh" ? "：" : ": ";
  const subject = `${w.brand}${kindWord}${item ? `${colon}${item}` : ""}`;
  const body = [w.hello(m.personName ?? ""), "", ...kindLines(m, lang, item), "", w.footer].join("\n");
  return { subject, body: `${body}\n` };
}
