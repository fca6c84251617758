import { useTranslation } from "react-i18next";
import type { AnswerSheet, TaskForceAnswerSheet } from "../../../../src/shared/api/answer-sheet";
import { DocSection } from "../print/DocPage";
import { num, ratioPercent } from "./answer-sheet-view";
import { IndicatorTable } from "./IndicatorTable";
import { FactTable, SheetHead, SheetSignature, SheetTable } from "./SheetParts";

const CODE = "doc-nowrap";

/** A task force's answer sheet: summary, indicators, milestones, supervision items, extensions, signature. */
export function TaskForceSheet({ sheet, tf }: { sheet: AnswerSheet; tf: TaskForceAnswerSheet }) {
  const { t } = useTranslation();
  const c = (k: string) => t(`ans.col.${k}`);
  const a = tf.assessment;
  const yesNo = (b: boolean | null) => (b === null ? "—" : b ? t("ans.yes") : t("ans.no"));
  return (
    <DocSection name="answer-sheet">
      <SheetHead sheet={sheet} who={`${tf.code} ${tf.name}`} />
      <h2>{t("ans.sections.summary")}</h2>
      <FactTable
        testId="answer-sheet-summary"
        rows={[
          [t("ans.taskForce"), `${tf.code} ${tf.name}`],
          [t("ans.light"), t(`lights.${tf.light}`)],
          [t("ans.goals"), tf.goals.map((g) => `${g.code} ${g.title}`).join("；") || t("ans.none")],
          [t("ans.score"), num(a.score)],
          [t("ans.rank"), a.rank === null ? "—" : t("ans.rankOf", { rank: a.rank, of: a.of })],
          [
            t("ans.scoreParts"),
            t("ans.components", {
              m: ratioPercent(a.components.milestones.ratio),
              i: ratioPercent(a.components.indicators.ratio),
              s: ratioPercent(a.components.supervision.ratio),
              red: a.redLights,
              deducted: num(a.deducted),
            }),
          ],
        ]}
      />
      <h2>{t("ans.sections.indicators")}</h2>
      {tf.indicators.length ? (
        <IndicatorTable rows={tf.indicators} testId="answer-sheet-indicators" />
      ) : (
        <p className="doc-plain">{t("ans.none")}</p>
      )}
      <h2>{t("ans.sections.milestones")}</h2>
      <p className="doc-plain">{t("ans.milestoneLine", tf.milestones)}</p>
      {tf.milestones.items.length ? (
        <SheetTable
          testId="answer-sheet-milestones"
          head={[c("code"), c("milestone"), c("date"), c("finished"), c("outcome")]}
          classes={[CODE, undefined, CODE, CODE, CODE]}
          rows={tf.milestones.items.map((m) => ({
            key: m.id,
            cells: [m.code, m.title, m.date ?? "—", m.actualFinish ?? "—", t(`ans.outcomes.${m.outcome}`)],
          }))}
        />
      ) : null}
      <h2>{t("ans.sections.supervision")}</h2>
      <p className="doc-plain">{t("ans.itemLine", tf.supervision)}</p>
      {tf.supervision.items.length ? (
        <SheetTable
          testId="answer-sheet-supervision"
          head={[c("item"), c("issue"), c("raised"), c("due"), c("state"), c("verified"), c("onTime")]}
          classes={[CODE, undefined, CODE, CODE, CODE, CODE, CODE]}
          rows={tf.supervision.items.map((i) => ({
            key: i.id,
            cells: [
              i.code,
              i.issue,
              i.raisedOn,
              i.dueDate,
              t(`states.${i.state}`),
              i.verifiedOn ?? "—",
              yesNo(i.closedOnTime),
            ],
          }))}
        />
      ) : null}
      <h2>{t("ans.sections.extensions")}</h2>
      {tf.extensions.items.length ? (
        <SheetTable
          testId="answer-sheet-extensions"
          head={[c("task"), c("from"), c("to"), c("granted"), c("reason")]}
          classes={[undefined, CODE, CODE, CODE, undefined]}
          rows={tf.extensions.items.map((e) => ({
            key: e.id,
            cells: [`${e.taskCode} ${e.taskTitle}`, e.from ?? "—", e.to, e.grantedOn, e.reason],
          }))}
        />
      ) : (
        <p className="doc-plain">{t("ans.none")}</p>
      )}
      <SheetSignature role={t("ans.signLeadLeader")} name={tf.signature.name} />
    </DocSection>
  );
}
