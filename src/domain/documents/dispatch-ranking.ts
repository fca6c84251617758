/**
 * The ranking part of the dispatch report document (考核排名): each task force's assessment score at
 * the report's status date, with its rank and the three components (milestones met, indicators
 * achieved, supervision items closed), as the assessment page ranks them.
 */
import type { IsoDate } from "../../engines/index.js";
import { computeOverview } from "../closed-loop/closed-loop.service.js";
import type { ServiceContext } from "../context.js";
import type { Cell, ContentTable } from "./dispatch-document-content.js";
import type { DocumentLang } from "./dispatch-document-words.js";

/** One task force's line of the ranking. */
export interface RankingRow {
  readonly rank: number | null;
  readonly code: string;
  readonly name: string;
  readonly score: number | null;
  /** The components' ratios in percent (null: nothing counted yet). */
  readonly milestones: number | null;
  readonly indicators: number | null;
  readonly supervision: number | null;
  readonly redLights: number;
}

const percent = (ratio: number | null) => (ratio === null ? null : Math.round(ratio * 1000) / 10);

/** The ranking of the task forces the caller may read at `statusDate`: by rank, the unscored last. */
export async function dispatchRanking(ctx: ServiceContext, statusDate: IsoDate): Promise<RankingRow[]> {
  const comp = await computeOverview(ctx, { statusDate });
  const tf = new Map(comp.data.taskForces.map((t) => [t.id, t]));
  return comp.result.assessment.taskForces
    .map((s) => ({
      rank: s.rank,
      code: tf.get(s.id)?.code ?? "",
      name: tf.get(s.id)?.name ?? "",
      score: s.score,
      milestones: percent(s.components.milestones.ratio),
      indicators: percent(s.components.indicators.ratio),
      supervision: percent(s.components.supervision.ratio),
      redLights: s.redLights,
    }))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.code < b.code ? -1 : 1));
}

const HEAD = {
  zh: ["名次", "编号", "专班", "得分", "节点按期完成率", "指标达成率", "督办销号率", "红灯数"],
  en: [
    "Rank",
    "Code",
    "Task force",
    "Score",
    "Milestones met",
    "Indicators achieved",
    "Items closed",
    "Red lights",
  ],
} as const;

/** The ranking as a table of the document (a workbook keeps scores and counts as numbers). */
export function rankingTable(rows: readonly RankingRow[], lang: DocumentLang): ContentTable {
  const pct = (n: number | null): Cell => (n === null ? "—" : `${n}%`);
  return {
    head: HEAD[lang],
    rows: rows.map((r) => [
      r.rank ?? "—",
      r.code,
      r.name,
      r.score ?? "—",
      pct(r.milestones),
      pct(r.indicators),
      pct(r.supervision),
      r.redLights,
    ]),
  };
}
