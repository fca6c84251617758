/**
 * The answer sheet (交卷) laid out once as titled sections of lines and tables, in one language: what
 * the workbook (a sheet per section) and the standalone HTML page (a page of sections) both write.
 */
import type {
  AnswerSheet,
  AnswerSheetIndicator,
  DistrictAnswerSheet,
  TaskForceAnswerSheet,
} from "../../shared/api/answer-sheet.js";
import { COLORS, type DocumentLang, STATES, TRENDS } from "../documents/dispatch-document-words.js";
import { SHEET_WORDS } from "./answer-sheet-words.js";

/** A cell: text, or a number kept a number (null: empty). */
export type SheetCell = string | number | null;

/** A titled part of the sheet: lines of text, then a table (either may be absent). */
export interface SheetSection {
  readonly key: string;
  readonly title: string;
  readonly lines: readonly string[];
  readonly table?: { readonly head: readonly string[]; readonly rows: readonly (readonly SheetCell[])[] };
}

/** The whole document: its title (with 草稿 on a draft), the sections and who signs. */
export interface SheetDocument {
  /** The title, ending in （草稿） on a draft. */
  readonly title: string;
  /** The title without the draft mark (a page shows the mark as a stamp of its own). */
  readonly heading: string;
  readonly subtitle: string;
  readonly draft: boolean;
  readonly sections: readonly SheetSection[];
  /** Who signs (their name, or a blank line to write it on), where, and the date's blank. */
  readonly signature: {
    readonly role: string;
    readonly name: string | null;
    readonly sign: string;
    readonly date: string;
  };
}

const round = (n: number | null, digits = 2) =>
  n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits;
const pct = (ratio: number | null) => (ratio === null ? null : round(ratio * 100));

/** The sheet as a document in `lang`. */
export function answerSheetContent(sheet: AnswerSheet, lang: DocumentLang): SheetDocument {
  const w = SHEET_WORDS[lang];
  const who = sheet.taskForce
    ? `${sheet.taskForce.code} ${sheet.taskForce.name}`
    : (sheet.organisation ?? w.district);
  const draft = sheet.draft ? (lang === "zh" ? `（${w.draft}）` : ` (${w.draft})`) : "";
  const heading = w.title(sheet.year, who);
  const title = `${heading}${draft}`;
  const subtitle = sheet.draft ? w.draftNote(sheet.statusDate) : w.asOf(sheet.statusDate);
  if (sheet.taskForce)
    return {
      title,
      heading,
      subtitle,
      draft: sheet.draft,
      sections: taskForceSections(sheet.taskForce, sheet.statusDate, lang),
      signature: {
        role: w.signLeadLeader,
        name: sheet.taskForce.signature.name,
        sign: w.signHere,
        date: w.signDate,
      },
    };
  return {
    title,
    heading,
    subtitle,
    draft: sheet.draft,
    sections: districtSections(sheet.district!, sheet.statusDate, lang),
    signature: { role: w.signOffice, name: null, sign: w.signHere, date: w.signDate },
  };
}

/** The indicator table: target, actual, progress, light, trend and the months it turned. */
export function indicatorTable(rows: readonly AnswerSheetIndicator[], lang: DocumentLang) {
  const w = SHEET_WORDS[lang];
  return {
    head: w.indicatorHead,
    rows: rows.map((i) => [
      i.code,
      i.name,
      i.unit,
      i.target,
      i.actual,
      i.actualPeriod,
      round(i.workProgress),
      round(i.timeProgress),
      round(i.achievement),
      COLORS[lang][i.light],
      TRENDS[lang][i.trend],
      i.turns.map((t) => `${t.period} ${TRENDS[lang][t.stage]}`).join(lang === "zh" ? "；" : "; ") || "—",
    ]),
  };
}

function taskForceSections(s: TaskForceAnswerSheet, statusDate: string, lang: DocumentLang): SheetSection[] {
  const w = SHEET_WORDS[lang];
  const a = s.assessment;
  const yesNo = (b: boolean | null) => (b === null ? "—" : b ? w.yes : w.no);
  return [
    {
      key: "summary",
      title: w.sections.summary,
      lines: [],
      table: {
        head: [w.key, w.value],
        rows: [
          [w.taskForce, `${s.code} ${s.name}`],
          [w.statusDate, statusDate],
          [w.light, COLORS[lang][s.light]],
          [w.goals, s.goals.map((g) => `${g.code} ${g.title}`).join(lang === "zh" ? "；" : "; ") || w.none],
          [w.score, a.score],
          [w.rank, w.rankOf(a.rank, a.of)],
        ],
      },
    },
    { key: "indicators", title: w.sections.indicators, lines: [], table: indicatorTable(s.indicators, lang) },
    {
      key: "milestones",
      title: w.sections.milestones,
      lines: [w.milestoneLine(s.milestones)],
      table: {
        head: w.milestoneHead,
        rows: s.milestones.items.map((m) => [m.code, m.title, m.date, m.actualFinish, w.outcomes[m.outcome]]),
      },
    },
    {
      key: "supervision",
      title: w.sections.supervision,
      lines: [w.itemLine(s.supervision)],
      table: {
        head: w.supervisionHead,
        rows: s.supervision.items.map((i) => [
          i.code,
          i.issue,
          i.raisedOn,
          i.dueDate,
          STATES[lang][i.state],
          i.verifiedOn,
          yesNo(i.closedOnTime),
        ]),
      },
    },
    {
      key: "extensions",
      title: w.sections.extensions,
      lines: s.extensions.granted ? [] : [w.none],
      table: {
        head: w.extensionHead,
        rows: s.extensions.items.map((e) => [e.taskCode, e.taskTitle, e.from, e.to, e.grantedOn, e.reason]),
      },
    },
    {
      key: "assessment",
      title: w.sections.assessment,
      lines: [],
      table: {
        head: w.assessmentHead,
        rows: [
          [
            a.score,
            w.rankOf(a.rank, a.of),
            pct(a.components.milestones.ratio),
            pct(a.components.indicators.ratio),
            pct(a.components.supervision.ratio),
            a.redLights,
            a.deducted,
          ],
        ],
      },
    },
  ];
}

function districtSections(d: DistrictAnswerSheet, statusDate: string, lang: DocumentLang): SheetSection[] {
  const w = SHEET_WORDS[lang];
  const t = d.totals;
  const lights = (["red", "yellow", "green", "grey", "blue"] as const)
    .map((c) => `${COLORS[lang][c]} ${t.lights[c]}`)
    .join(lang === "zh" ? "，" : ", ");
  return [
    {
      key: "summary",
      title: w.sections.summary,
      lines: [],
      table: {
        head: [w.key, w.value],
        rows: [
          [w.statusDate, statusDate],
          [w.taskForces, t.taskForces],
          [w.indicators, t.indicators],
          [w.light, lights],
          [w.turns, t.turns],
          [w.sections.milestones, w.milestoneLine(t.milestones)],
          [w.sections.supervision, w.itemLine(t.supervision)],
          [w.extensionsGranted, t.extensions],
        ],
      },
    },
    {
      key: "ranking",
      title: w.sections.ranking,
      lines: [],
      table: {
        head: w.rankingHead,
        rows: d.ranking.map((r) => [
          r.rank ?? "—",
          r.code,
          r.name,
          r.score,
          pct(r.components.milestones.ratio),
          pct(r.components.indicators.ratio),
          pct(r.components.supervision.ratio),
          r.redLights,
        ]),
      },
    },
    {
      key: "rows",
      title: w.sections.rows,
      lines: [],
      table: {
        head: w.rowsHead,
        rows: d.rows.map((r) => [
          r.code,
          r.name,
          COLORS[lang][r.light],
          r.indicators,
          round(r.achievement),
          r.turns,
          r.milestones.total,
          r.milestones.onTime,
          r.milestones.late + r.milestones.overdue,
          r.supervision.raised,
          r.supervision.closed,
          r.extensions,
          r.score,
          r.rank ?? "—",
          r.leadLeader ?? "—",
        ]),
      },
    },
    {
      key: "district-indicators",
      title: w.sections.districtIndicators,
      lines: d.indicators.length ? [] : [w.none],
      ...(d.indicators.length ? { table: indicatorTable(d.indicators, lang) } : {}),
    },
    {
      key: "cascade",
      title: w.sections.cascade,
      lines: d.cascade.length ? [] : [w.none],
      ...(d.cascade.length ? { table: cascadeTable(d.cascade, lang) } : {}),
    },
  ];
}

/** The district cascades: each share indented under its parent, with who holds it and where its actual comes from. */
export function cascadeTable(rows: DistrictAnswerSheet["cascade"], lang: DocumentLang) {
  const w = SHEET_WORDS[lang];
  return {
    head: w.cascadeHead,
    rows: rows.map((r) => [
      `${"　".repeat(r.depth)}${r.code}`,
      r.name,
      r.depth === 0 ? w.district : (r.orgUnitName ?? r.taskForceName ?? r.ownerName ?? "—"),
      r.unit,
      r.target,
      round(r.plan),
      r.actual,
      r.source === "none" ? "—" : w.source[r.source],
      r.difference === null ? null : round(r.difference),
      COLORS[lang][r.light],
      TRENDS[lang][r.trend],
    ]),
  };
}
