import { useTranslation } from "react-i18next";
import type { AnswerSheet, DistrictAnswerSheet } from "../../../../src/shared/api/answer-sheet";
import { DocSection } from "../print/DocPage";
import { num, percent, ratioPercent } from "./answer-sheet-view";
import { IndicatorTable } from "./IndicatorTable";
import { FactTable, SheetHead, SheetSignature, SheetTable } from "./SheetParts";

const NUM = "ans-num";
const CODE = "doc-nowrap";

/** The district's answer sheet: its figures, the ranking, every task force's line, district indicators. */
export function DistrictSheet({ sheet, d }: { sheet: AnswerSheet; d: DistrictAnswerSheet }) {
  const { t } = useTranslation();
  const c = (k: string) => t(`ans.col.${k}`);
  const totals = d.totals;
  const lights = (["red", "yellow", "green", "grey", "blue"] as const)
    .map((k) => `${t(`lights.${k}`)} ${totals.lights[k]}`)
    .join("，");
  return (
    <DocSection name="answer-sheet">
      <SheetHead sheet={sheet} who={sheet.organisation ?? t("ans.district")} />
      <h2>{t("ans.sections.summary")}</h2>
      <FactTable
        testId="answer-sheet-summary"
        rows={[
          [t("ans.taskForces"), totals.taskForces],
          [t("ans.indicatorCount"), totals.indicators],
          [t("ans.light"), lights],
          [t("ans.turns"), totals.turns],
          [t("ans.sections.milestones"), t("ans.milestoneLine", totals.milestones)],
          [t("ans.sections.supervision"), t("ans.itemLine", totals.supervision)],
          [t("ans.extensionsGranted"), totals.extensions],
        ]}
      />
      <h2>{t("ans.sections.ranking")}</h2>
      <SheetTable
        testId="answer-sheet-ranking"
        head={[
          c("rank"),
          c("taskForce"),
          c("score"),
          c("milestonesMet"),
          c("indicatorsAchieved"),
          c("itemsClosed"),
          c("redLights"),
        ]}
        classes={[NUM, undefined, NUM, NUM, NUM, NUM, NUM]}
        rows={d.ranking.map((r) => ({
          key: r.taskForceId,
          cells: [
            r.rank ?? "—",
            `${r.code} ${r.name}`,
            num(r.score),
            ratioPercent(r.components.milestones.ratio),
            ratioPercent(r.components.indicators.ratio),
            ratioPercent(r.components.supervision.ratio),
            r.redLights,
          ],
        }))}
      />
      <h2>{t("ans.sections.rows")}</h2>
      <SheetTable
        testId="answer-sheet-rows"
        head={[
          c("taskForce"),
          c("light"),
          c("indicators"),
          c("turns"),
          c("milestones"),
          c("items"),
          c("extensions"),
          c("score"),
          c("rank"),
          c("leadLeader"),
        ]}
        classes={[undefined, CODE, NUM, NUM, NUM, NUM, NUM, NUM, NUM, CODE]}
        rows={d.rows.map((r) => ({
          key: r.taskForceId,
          cells: [
            `${r.code} ${r.name}`,
            t(`lights.${r.light}`),
            `${r.indicators}（${percent(r.achievement)}）`,
            r.turns,
            `${r.milestones.onTime} / ${r.milestones.total}`,
            `${r.supervision.closed} / ${r.supervision.raised}`,
            r.extensions,
            num(r.score),
            r.rank ?? "—",
            r.leadLeader ?? "—",
          ],
        }))}
      />
      <h2>{t("ans.sections.districtIndicators")}</h2>
      {d.indicators.length ? (
        <IndicatorTable rows={d.indicators} testId="answer-sheet-district-indicators" />
      ) : (
        <p className="doc-plain">{t("ans.none")}</p>
      )}
      <h2>{t("ans.sections.cascade")}</h2>
      {d.cascade.length ? (
        <SheetTable
          testId="answer-sheet-cascade"
          head={[
            c("code"),
            c("indicator"),
            t("ans.cascade.heldBy"),
            c("target"),
            t("ans.cascade.plan"),
            c("actual"),
            t("ans.cascade.source"),
            t("ans.cascade.difference"),
            c("light"),
            c("trend"),
          ]}
          classes={[CODE, undefined, undefined, NUM, NUM, NUM, CODE, NUM, CODE, CODE]}
          rows={d.cascade.map((r) => ({
            key: r.indicatorId,
            cells: [
              `${"　".repeat(r.depth)}${r.code}`,
              r.name,
              r.depth === 0
                ? t("ans.cascade.district")
                : (r.orgUnitName ?? r.taskForceName ?? r.ownerName ?? "—"),
              `${num(r.target)} ${r.unit}`,
              num(r.plan),
              num(r.actual),
              r.source === "none" ? "—" : t(`ans.cascade.${r.source}`),
              num(r.difference),
              t(`lights.${r.light}`),
              t(`trend.${r.trend}`),
            ],
          }))}
        />
      ) : (
        <p className="doc-plain">{t("ans.none")}</p>
      )}
      <SheetSignature role={t("ans.signOffice")} name={null} />
    </DocSection>
  );
}
