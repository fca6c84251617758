import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { fetchSupervisionItem, fetchTask } from "../../api/data";
import { useNames, useSettings } from "../../hooks/use-data";
import { DocSection, PrintDoc, RedHead, Signatures } from "./DocPage";
import { documentNumber } from "./doc-number";

/**
 * A 督办通知单 on one A4 page: red head and number, the receiving unit, the matter (problem,
 * required rectification, deadline, who answers), the issuer's signature and seal, and below a cut
 * line the reply slip (回执) the unit sends back.
 */
export function PrintSupervisionNotice() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const item = useQuery({ queryKey: ["supervision-item", id], queryFn: () => fetchSupervisionItem(id) });
  const taskId = item.data?.taskId ?? null;
  const task = useQuery({
    queryKey: ["task", taskId],
    queryFn: () => fetchTask(taskId ?? ""),
    enabled: taskId !== null,
  });
  const names = useNames();
  const settings = useSettings();
  const it = item.data;
  const ready = it && settings.data && (taskId === null || task.data);
  if (!ready) return <PrintDoc loading back="/supervision" testId="print-notice" />;
  const docs = settings.data.documents;
  const issuer = docs.issuingUnit ?? t("print.defaultIssuer");
  const number = documentNumber(
    `${docs.numberPrefix ?? issuer}${t("print.noticeWord")}`,
    it.raisedOn.slice(0, 4),
    it.code,
  );
  const unit = names.unit(it.responsibleUnitId) || names.taskForce(it.taskForceId);
  const rows: [string, string][] = [
    [t("print.itemCode"), it.code],
    [t("print.taskForce"), names.taskForce(it.taskForceId)],
    [t("print.task"), task.data ? `${task.data.code} ${task.data.title}` : "—"],
    [t("print.issue"), it.issue],
    [t("print.requiredAction"), it.requiredAction],
    [t("print.dueDate"), it.dueDate],
    [t("print.unit"), names.unit(it.responsibleUnitId) || "—"],
    [t("print.person"), names.person(it.responsiblePersonId) || "—"],
    [t("print.raisedOn"), it.raisedOn],
  ];
  return (
    <PrintDoc loading={false} back="/supervision" testId="print-notice">
      <DocSection name="notice">
        <RedHead issuer={issuer} number={number} kind="" />
        <h1>{t("print.noticeTitle")}</h1>
        <p className="doc-plain">
          {unit}
          {t("print.colon")}
        </p>
        <p>{t("print.noticeLead", { task: task.data?.title ?? names.taskForce(it.taskForceId) })}</p>
        <table data-testid="doc-matter">
          <colgroup>
            <col style={{ width: "20%" }} />
            <col style={{ width: "80%" }} />
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
        <p>{t("print.noticeClose", { date: it.dueDate, issuer })}</p>
        <Signatures
          boxes={[
            { role: t("print.signIssuer") },
            { role: t("print.sealIssuer", { unit: issuer }), seal: true },
          ]}
        />
        <hr className="doc-cut" />
        <h2 style={{ textAlign: "center" }}>{t("print.receipt", { number })}</h2>
        <table>
          <colgroup>
            <col style={{ width: "20%" }} />
            <col style={{ width: "80%" }} />
          </colgroup>
          <tbody>
            <tr>
              <th>{t("print.rectification")}</th>
              <td style={{ height: "22mm" }} />
            </tr>
            <tr>
              <th>{t("print.receiptSign")}</th>
              <td>
                {t("print.signature")}　　　　　　　　{t("print.seal")}　　　　　　　　{t("print.date")}
              </td>
            </tr>
          </tbody>
        </table>
      </DocSection>
    </PrintDoc>
  );
}
