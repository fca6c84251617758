import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CheckView } from "../../api/types";
import { useLang } from "../../hooks/use-lang";
import { fixLink } from "../../pages/CheckPage";
import { DocSection } from "./DocPage";
import { findingSubject, taskForceFindings } from "./task-book-check";

/**
 * The task book's 五化检查 section: the task force's findings of the five-ization check, the
 * cascade's included, each with a link to fix it on screen (not on paper).
 */
export function TaskBookCheck({ check, taskForceId }: { check: CheckView; taskForceId: string }) {
  const { t } = useTranslation();
  const { short } = useLang();
  const findings = taskForceFindings(check, taskForceId);
  return (
    <DocSection name="check">
      <h2>{t("cas.bookCheck.title")}</h2>
      <p className="doc-plain">{t("cas.bookCheck.intro")}</p>
      <p className="doc-plain" data-testid="book-check-summary">
        {findings.length ? t("cas.bookCheck.count", { n: findings.length }) : `✓ ${t("cas.bookCheck.ok")}`}
      </p>
      {findings.length ? (
        <table className="doc-compact" data-testid="doc-check">
          <colgroup>
            <col style={{ width: "14%" }} />
            <col style={{ width: "14%" }} />
            <col style={{ width: "72%" }} />
          </colgroup>
          <thead>
            <tr>
              <th>{t("check.check")}</th>
              <th>{t("tf.code")}</th>
              <th>{t("check.finding")}</th>
            </tr>
          </thead>
          <tbody>
            {findings.map((f) => (
              <tr key={`${f.code}-${f.taskId ?? ""}-${f.params.indicatorId ?? ""}-${f.params.period ?? ""}`}>
                <td className="doc-nowrap">{t(`check.${f.check}`)}</td>
                <td className="doc-nowrap">{findingSubject(f)}</td>
                <td data-finding={f.code}>
                  {f.text[short]}{" "}
                  <Link className="no-print" to={fixLink(f)}>
                    {t("cas.bookCheck.fix")}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </DocSection>
  );
}
