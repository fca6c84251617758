import { PrinterOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useTranslation } from "react-i18next";
import type { Goal, TaskForceFull } from "../../api/types";
import type { useNames } from "../../hooks/use-data";
import type { wbsRows } from "./use-task-force-model";

type Names = ReturnType<typeof useNames>;

/** The task book (任务书) generated from the task force's data; prints on A4 (see styles.css). */
export function TaskBook(props: {
  full: TaskForceFull;
  rows: ReturnType<typeof wbsRows>;
  names: Names;
  goals: readonly Goal[];
}) {
  const { t } = useTranslation();
  const { full, rows, names } = props;
  const tf = full.taskForce;
  const goals = tf.goalIds.map((g) => props.goals.find((x) => x.id === g)?.title ?? g).join("；");
  const milestones = rows.filter((r) => r.duration === 0);
  const para = (label: string, text: string | null) =>
    text ? (
      <>
        <h2>{label}</h2>
        {text.split("\n").map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: static paragraphs
          <p key={i}>{line}</p>
        ))}
      </>
    ) : null;
  return (
    <>
      <div className="no-print" style={{ textAlign: "right", marginBottom: 8 }}>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t("common.print")}
        </Button>
      </div>
      <article className="task-book" data-testid="task-book">
        <h1>{t("tf.printTitle", { name: tf.name })}</h1>
        <table>
          <tbody>
            <tr>
              <th>{t("tf.code")}</th>
              <td>{tf.code}</td>
              <th>{t("tf.period")}</th>
              <td>
                {tf.startDate ?? "—"} ～ {tf.deadline ?? "—"}
              </td>
            </tr>
            <tr>
              <th>{t("tf.leadLeader")}</th>
              <td>{names.person(tf.leadLeaderId)}</td>
              <th>{t("tf.leadUnit")}</th>
              <td>{names.unit(tf.leadUnitId)}</td>
            </tr>
            <tr>
              <th>{t("tf.coUnits")}</th>
              <td colSpan={3}>{tf.coUnitIds.map(names.unit).join("、")}</td>
            </tr>
            <tr>
              <th>{t("tf.goals")}</th>
              <td colSpan={3}>{goals}</td>
            </tr>
          </tbody>
        </table>
        {para(t("tf.objective"), tf.objective)}
        {para(t("tf.scope"), tf.scope)}
        {para(t("tf.measures"), tf.measures)}
        {para(t("tf.guarantees"), tf.guarantees)}
        <h2>{t("tf.members")}</h2>
        <table>
          <thead>
            <tr>
              <th>{t("tf.person")}</th>
              <th>{t("tf.unit")}</th>
              <th>{t("tf.post")}</th>
              <th>{t("tf.duties")}</th>
            </tr>
          </thead>
          <tbody>
            {full.members.map((m) => (
              <tr key={m.id}>
                <td>{names.person(m.personId)}</td>
                <td>{names.unit(names.persons.find((p) => p.id === m.personId)?.orgUnitId)}</td>
                <td>{m.post}</td>
                <td>{m.duties}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>{t("tf.keyIndicators")}</h2>
        <table>
          <thead>
            <tr>
              <th>{t("tf.code")}</th>
              <th>{t("tf.name")}</th>
              <th>{t("ind.target")}</th>
              <th>{t("ind.owner")}</th>
            </tr>
          </thead>
          <tbody>
            {full.indicators.map((i) => (
              <tr key={i.id}>
                <td>{i.code}</td>
                <td>{i.name}</td>
                <td>
                  {i.target}
                  {i.unit}
                </td>
                <td>{names.person(i.ownerPersonId)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>{t("tf.tasks")}</h2>
        <table>
          <thead>
            <tr>
              <th>{t("task.wbs")}</th>
              <th>{t("task.title")}</th>
              <th>{t("task.unit")}</th>
              <th>{t("task.responsible")}</th>
              <th>{t("task.deadline")}</th>
              <th>{t("task.acceptance")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{r.code}</td>
                <td style={{ paddingInlineStart: 6 + r.depth * 10, fontWeight: r.summary ? 600 : 400 }}>
                  {r.title}
                </td>
                <td>{names.unit(r.responsibleUnitId)}</td>
                <td>
                  {names.person(r.responsiblePersonId)}
                  {r.responsiblePost ? `（${r.responsiblePost}）` : ""}
                </td>
                <td>{r.deadline ?? r.baselineFinish ?? ""}</td>
                <td>{r.acceptance}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {milestones.length ? (
          <>
            <h2>{t("tf.milestones")}</h2>
            <ul>
              {milestones.map((m) => (
                <li key={m.id}>
                  {m.deadline ?? m.baselineFinish} {m.code} {m.title}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </article>
    </>
  );
}
