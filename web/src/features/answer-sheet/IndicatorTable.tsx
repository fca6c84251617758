import { useTranslation } from "react-i18next";
import type { AnswerSheetIndicator } from "../../../../src/shared/api/answer-sheet";
import { num, percent, turnLines } from "./answer-sheet-view";
import { SheetTable } from "./SheetParts";

const NUM = "ans-num";
const CODE = "doc-nowrap";

/** Indicators against target: actual and its month, progress, achievement, light, trend and the months it turned. */
export function IndicatorTable({ rows, testId }: { rows: readonly AnswerSheetIndicator[]; testId: string }) {
  const { t } = useTranslation();
  const c = (k: string) => t(`ans.col.${k}`);
  return (
    <SheetTable
      testId={testId}
      head={[
        c("code"),
        c("indicator"),
        c("target"),
        c("actual"),
        c("work"),
        c("time"),
        c("achievement"),
        c("light"),
        c("trend"),
        c("turns"),
      ]}
      classes={[CODE, undefined, NUM, NUM, NUM, NUM, NUM, CODE, CODE, undefined]}
      rows={rows.map((i) => ({
        key: i.id,
        cells: [
          i.code,
          <>
            {i.name}
            {i.unit ? <span className="ans-small">{i.unit}</span> : null}
          </>,
          num(i.target),
          <>
            {num(i.actual)}
            {i.actualPeriod ? <span className="ans-small">{i.actualPeriod}</span> : null}
          </>,
          percent(i.workProgress),
          percent(i.timeProgress),
          percent(i.achievement),
          t(`lights.${i.light}`),
          t(`trend.${i.trend}`),
          turnLines(i, t).map((line) => (
            <span key={line} className="doc-nowrap" style={{ display: "block" }}>
              {line}
            </span>
          )),
        ],
      }))}
    />
  );
}
