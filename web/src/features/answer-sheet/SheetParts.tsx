import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { AnswerSheet } from "../../../../src/shared/api/answer-sheet";

/** The sheet's title (a red 草稿 stamp on a draft) and what date it is made at. */
export function SheetHead({ sheet, who }: { sheet: AnswerSheet; who: string }) {
  const { t } = useTranslation();
  return (
    <>
      <h1 data-testid="answer-sheet-title">
        {t("ans.title", { who, year: sheet.year })}
        {sheet.draft ? (
          <span className="ans-draft" data-testid="answer-sheet-draft">
            {t("ans.draft")}
          </span>
        ) : null}
      </h1>
      <p className="ans-subtitle">
        {sheet.draft
          ? t("ans.draftNote", { date: sheet.statusDate })
          : t("ans.asOf", { date: sheet.statusDate })}
      </p>
    </>
  );
}

/** A two-column table of labels and values. */
export function FactTable({ rows, testId }: { rows: readonly [string, ReactNode][]; testId?: string }) {
  return (
    <table className="ans-table" data-testid={testId}>
      <colgroup>
        <col style={{ width: "22%" }} />
        <col />
      </colgroup>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th>{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A table with a head row; each row's cells as given (a class per column: numbers right, codes unbroken). */
export function SheetTable(props: {
  head: readonly string[];
  rows: readonly { key: string; cells: readonly ReactNode[] }[];
  classes?: readonly (string | undefined)[];
  testId: string;
}) {
  return (
    <table className="ans-table" data-testid={props.testId}>
      <thead>
        <tr>
          {props.head.map((h) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr key={r.key}>
            {r.cells.map((c, k) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed
              <td key={k} className={props.classes?.[k]}>
                {c}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Who signs: their name (or a blank line to write it on), a line for the signature, and the date's. */
export function SheetSignature({ role, name }: { role: string; name: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="ans-signature" data-testid="answer-sheet-signature">
      <span>
        {role}
        {name ?? <span className="ans-line" />}
      </span>
      <span>
        {t("ans.signHere")}
        <span className="ans-line" />
      </span>
      <span>
        {t("ans.signDate")}
        <span className="ans-line" />
      </span>
    </div>
  );
}
