import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { Settings } from "../../../../src/shared/api/settings";
import type { CheckView, Goal, TaskForceFull } from "../../api/types";
import { useCheck, useNames, useOverviewSummary, useSettings, useTaskForceFull } from "../../hooks/use-data";
import { wbsRows } from "../task-force/use-task-force-model";
import { DocSection, PrintDoc, RedHead, Signatures } from "./DocPage";
import { documentNumber } from "./doc-number";
import { keyIndicators } from "./key-indicators";
import { TaskBookCheck } from "./TaskBookCheck";

type Names = ReturnType<typeof useNames>;

/**
 * The task book (任务书) of a task force as an official document on A4: red head and number (文号),
 * issuing and receiving units; the work text; the responsibility table; the milestones and key
 * indicators with the signature and seal block. Each section starts a page; the browser's "save as
 * PDF" gives the PDF.
 */
export function PrintTaskBook() {
  const { id = "" } = useParams();
  const full = useTaskForceFull(id);
  const names = useNames();
  const overview = useOverviewSummary();
  const settings = useSettings();
  const check = useCheck();
  // The 五化检查 page and the goals are part of the document: printed only once they are in (or
  // could not be read).
  if (!full.data || !settings.data || check.isPending || overview.isPending)
    return <PrintDoc loading back={`/task-forces/${id}`} testId="print-task-book" />;
  return (
    <PrintDoc loading={false} back={`/task-forces/${id}`} testId="print-task-book">
      <TaskBookDocument
        full={full.data}
        names={names}
        goals={overview.data?.goals ?? []}
        documents={settings.data.documents}
        check={check.data}
      />
    </PrintDoc>
  );
}

/** The task book's sections (also shown, as paper, in the task force's 任务书 tab). */
export function TaskBookDocument(props: {
  full: TaskForceFull;
  names: Names;
  goals: readonly Goal[];
  documents: Settings["documents"];
  /** The five-ization check: the task force's findings follow the task book on a page of their own. */
  check?: CheckView;
}) {
  const { t } = useTranslation();
  const { full: f, names } = props;
  const tf = f.taskForce;
  const docs = props.documents;
  const issuer = docs.issuingUnit ?? t("print.defaultIssuer");
  const year = (tf.startDate ?? tf.deadline ?? tf.createdAt).slice(0, 4);
  const number = documentNumber(docs.numberPrefix ?? issuer, year, tf.code);
  const rows = wbsRows(f);
  const milestones = rows.filter((r) => r.duration === 0);
  const goals = tf.goalIds.map((g) => props.goals.find((x) => x.id === g)?.title ?? "").filter(Boolean);
  const lines = (text: string | null) =>
    (text ?? "").split("\n").map((line, i) =>
      // biome-ignore lint/suspicious/noArrayIndexKey: static paragraphs
      line.trim() ? <p key={i}>{line}</p> : null,
    );
  return (
    <>
      <DocSection name="cover">
        <RedHead issuer={issuer} number={number} kind={t("print.fileHead")} />
        <h1>{t("tf.printTitle", { name: tf.name })}</h1>
        <p className="doc-plain">
          {t("print.to")}
          {names.unit(tf.leadUnitId) || "—"}
        </p>
        {tf.coUnitIds.length ? (
          <p className="doc-plain">
            {t("print.cc")}
            {tf.coUnitIds.map(names.unit).join("、")}
          </p>
        ) : null}
        <table>
          <colgroup>
            <col style={{ width: "18%" }} />
            <col style={{ width: "32%" }} />
            <col style={{ width: "18%" }} />
            <col style={{ width: "32%" }} />
          </colgroup>
          <tbody>
            <tr>
              <th>{t("tf.code")}</th>
              <td className="doc-nowrap">{tf.code}</td>
              <th>{t("tf.period")}</th>
              <td>
                <span className="doc-nowrap">{tf.startDate ?? "—"}</span> ～{" "}
                <span className="doc-nowrap">{tf.deadline ?? "—"}</span>
              </td>
            </tr>
            <tr>
              <th>{t("tf.leadLeader")}</th>
              <td className="doc-nowrap">{names.person(tf.leadLeaderId)}</td>
              <th>{t("tf.leadUnit")}</th>
              <td>{names.unit(tf.leadUnitId)}</td>
            </tr>
            <tr>
              <th>{t("tf.goals")}</th>
              <td colSpan={3}>{goals.join("；") || "—"}</td>
            </tr>
          </tbody>
        </table>
        <h2>{t("tf.objective")}</h2>
        {lines(tf.objective)}
      </DocSection>
      <DocSection name="work">
        <h2>{t("tf.scope")}</h2>
        {lines(tf.scope)}
        <h2>{t("tf.measures")}</h2>
        {lines(tf.measures)}
        <h2>{t("tf.guarantees")}</h2>
        {lines(tf.guarantees)}
      </DocSection>
      <DocSection name="responsibilities">
        <h2>{t("print.responsibilities")}</h2>
        <table className="doc-compact" data-testid="doc-responsibilities">
          <colgroup>
            {/* Sized for whole codes, dates and "name（post）" on one line where the post is short. */}
            <col style={{ width: "7%" }} />
            <col style={{ width: "25%" }} />
            <col style={{ width: "16%" }} />
            <col style={{ width: "17%" }} />
            <col style={{ width: "10%" }} />
            <col style={{ width: "25%" }} />
          </colgroup>
          <thead>
            <tr>
              <th>{t("task.wbs")}</th>
              <th>{t("task.title")}</th>
              <th>{t("task.unit")}</th>
              <th>{t("print.personPost")}</th>
              <th>{t("task.deadline")}</th>
              <th>{t("task.acceptance")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td className="doc-nowrap">{r.code}</td>
                <td
                  style={{ paddingInlineStart: `${1.5 + r.depth * 2}mm`, fontWeight: r.summary ? 600 : 400 }}
                >
                  {r.title}
                </td>
                <td>{names.unit(r.responsibleUnitId)}</td>
                <td>
                  {/* The name never breaks; the post goes to the next line whole when it does not fit. */}
                  <span className="doc-nowrap">{names.person(r.responsiblePersonId)}</span>
                  {r.responsiblePost ? <span className="doc-keep">（{r.responsiblePost}）</span> : null}
                </td>
                <td className="doc-nowrap">{r.deadline ?? r.lateFinish ?? ""}</td>
                <td>{r.acceptance}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </DocSection>
      <DocSection name="milestones">
        <h2>{t("tf.milestones")}</h2>
        <table data-testid="doc-milestones">
          <colgroup>
            <col style={{ width: "12%" }} />
            <col style={{ width: "40%" }} />
            <col style={{ width: "16%" }} />
            <col style={{ width: "16%" }} />
            <col style={{ width: "16%" }} />
          </colgroup>
          <thead>
            <tr>
              <th>{t("task.wbs")}</th>
              <th>{t("print.milestone")}</th>
              <th>{t("task.deadline")}</th>
              <th>{t("task.unit")}</th>
              <th>{t("task.responsible")}</th>
            </tr>
          </thead>
          <tbody>
            {milestones.map((m) => (
              <tr key={m.id}>
                <td className="doc-nowrap">{m.code}</td>
                <td>{m.title}</td>
                <td className="doc-nowrap">{m.deadline ?? m.lateFinish ?? ""}</td>
                <td>{names.unit(m.responsibleUnitId)}</td>
                <td className="doc-nowrap">{names.person(m.responsiblePersonId)}</td>
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
            {keyIndicators(f.indicators).map(({ indicator: i, shares }) => (
              <tr key={i.id}>
                <td className="doc-nowrap">{i.code}</td>
                <td>
                  {i.name}
                  {shares.length ? (
                    // Its split among streets and units (层层衔接) on one line, not rows of their own.
                    <div className="doc-shares" data-testid="doc-shares">
                      {t("cas.bookShares", {
                        list: shares
                          .map(
                            (s) =>
                              `${names.unit(s.orgUnitId) || names.person(s.ownerPersonId) || s.code} ${s.target}${s.unit}`,
                          )
                          .join(t("cas.listSeparator")),
                      })}
                    </div>
                  ) : null}
                </td>
                <td>
                  {i.target}
                  {i.unit}
                </td>
                <td className="doc-nowrap">{names.person(i.ownerPersonId)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Signatures
          boxes={[
            { role: t("print.signLeadLeader") },
            { role: t("print.signLead") },
            { role: t("print.sealLeadUnit", { unit: names.unit(tf.leadUnitId) }), seal: true },
            { role: t("print.sealIssuer", { unit: issuer }), seal: true },
          ]}
        />
      </DocSection>
      {props.check ? <TaskBookCheck check={props.check} taskForceId={tf.id} /> : null}
    </>
  );
}
