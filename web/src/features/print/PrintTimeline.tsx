import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { Timeline } from "../../../../src/shared/api/timeline";
import { useSettings } from "../../hooks/use-data";
import { eventView, subjectState } from "../timeline/timeline-view";
import { type TimelineSubjectKind, useTimeline } from "../timeline/use-timeline";
import { DocSection, PrintDoc } from "./DocPage";
import "./print-timeline.css";

/** The subject's rows of the header table: code, title, task force, who, deadline, state. */
function subjectRows(s: Timeline["subject"], t: (k: string) => string): [string, string][] {
  const task = s.kind === "task";
  return [
    [t("tl.head.code"), s.code],
    [task ? t("tl.head.task") : t("tl.head.issue"), s.title],
    ...(s.taskLabel ? [[t("tl.head.linkedTask"), s.taskLabel] as [string, string]] : []),
    [t("tl.head.taskForce"), s.taskForceName],
    [t("tl.head.owner"), s.ownerName ?? "—"],
    [t("tl.head.unit"), s.unitName ?? "—"],
    [task ? t("tl.head.deadline") : t("tl.head.dueDate"), s.deadline ?? "—"],
    [t("tl.head.state"), subjectState(s, t)],
  ];
}

/** The events as a table: number, day, step, who, note, evidence. */
function EventTable({ events }: { events: Timeline["events"] }) {
  const { t } = useTranslation();
  return (
    <table data-testid="doc-timeline">
      <colgroup>
        <col style={{ width: "7%" }} />
        <col style={{ width: "15%" }} />
        <col style={{ width: "17%" }} />
        <col style={{ width: "13%" }} />
        <col style={{ width: "32%" }} />
        <col style={{ width: "16%" }} />
      </colgroup>
      <thead>
        <tr>
          {(["no", "day", "step", "actor", "note", "evidence"] as const).map((c) => (
            <th key={c}>{t(`tl.col.${c}`)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {events.map((e, i) => {
          const v = eventView(e, t);
          return (
            <tr key={v.key} data-event={e.kind}>
              <td className="doc-center">{i + 1}</td>
              <td>{v.day}</td>
              <td>
                {v.step}
                {v.item ? <div className="doc-small">{v.item}</div> : null}
              </td>
              <td>{v.actor}</td>
              <td>{v.lines.join("；")}</td>
              <td>{v.evidence.map((x) => x.name).join("、")}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * A printed timeline (A4, the documents' layout): the issuing unit, the subject's header table,
 * every event as a table row, and the print date (the organisation's status date) at the foot.
 */
function PrintTimeline({ kind }: { kind: TimelineSubjectKind }) {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const q = useTimeline(kind, id);
  const settings = useSettings();
  const back = kind === "task" ? "/task-forces" : "/supervision";
  const tl = q.data;
  if (!tl || !settings.data) return <PrintDoc loading back={back} testId="print-timeline" />;
  const issuer = settings.data.documents.issuingUnit ?? t("print.defaultIssuer");
  const backTo =
    kind === "task"
      ? `/task-forces/${encodeURIComponent(tl.subject.taskForceId)}?tab=timeline&task=${encodeURIComponent(id)}`
      : back;
  return (
    <PrintDoc loading={false} back={backTo} testId="print-timeline">
      <DocSection name="timeline">
        <p className="doc-red-head doc-issuer">{issuer}</p>
        <hr className="doc-rule" />
        <h1>{kind === "task" ? t("tl.printTitleTask") : t("tl.printTitleItem")}</h1>
        <table data-testid="doc-subject">
          <colgroup>
            <col style={{ width: "20%" }} />
            <col style={{ width: "80%" }} />
          </colgroup>
          <tbody>
            {subjectRows(tl.subject, t).map(([label, value]) => (
              <tr key={label}>
                <th>{label}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <EventTable events={tl.events} />
        <p className="doc-plain doc-footer" data-testid="doc-printed-on">
          {t("tl.printedOn", { date: tl.statusDate })}
        </p>
      </DocSection>
    </PrintDoc>
  );
}

/** `/print/tasks/:id/timeline`. */
export const PrintTaskTimeline = () => <PrintTimeline kind="task" />;
/** `/print/supervision-items/:id/timeline`. */
export const PrintItemTimeline = () => <PrintTimeline kind="supervisionItem" />;
