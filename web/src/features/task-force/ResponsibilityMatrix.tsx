import { Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Member } from "../../api/types";
import { LIGHT_TAG_COLORS } from "../../components/LightTag";
import type { useNames } from "../../hooks/use-data";
import { buildMatrix } from "./matrix";
import type { indexLights, wbsRows } from "./use-task-force-model";

/** Person × task matrix; a cell carries "责" and the task's light as text and colour. */
export function ResponsibilityMatrix(props: {
  members: Member[];
  rows: ReturnType<typeof wbsRows>;
  lights: ReturnType<typeof indexLights>;
  names: ReturnType<typeof useNames>;
}) {
  const { t } = useTranslation();
  const leaves = props.rows.filter((r) => !r.summary);
  const matrix = useMemo(() => buildMatrix(props.members, leaves), [props.members, leaves]);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a keyboard must reach a matrix wider than the page to scroll it
    <section style={{ overflowX: "auto" }} tabIndex={0} aria-label={t("tf.matrix")}>
      <Typography.Paragraph type="secondary">{t("matrix.legend")}</Typography.Paragraph>
      <table
        className="matrix task-book"
        style={{ maxWidth: "none", padding: 8 }}
        aria-label={t("tf.matrix")}
      >
        <thead>
          <tr>
            <th scope="col">{t("tf.person")}</th>
            <th scope="col">{t("tf.post")}</th>
            {leaves.map((l) => (
              <th key={l.id} scope="col" title={l.title}>
                {l.code}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.map((m) => (
            <tr key={m.personId}>
              <th scope="row" style={{ textAlign: "left" }}>
                {props.names.person(m.personId)}
              </th>
              <td style={{ textAlign: "left" }}>{m.post}</td>
              {leaves.map((l) => {
                if (!m.taskIds.has(l.id)) return <td key={l.id} />;
                const light = props.lights.tasks.get(l.id)?.color;
                return (
                  <td
                    key={l.id}
                    style={light ? { background: LIGHT_TAG_COLORS[light], color: "#fff" } : undefined}
                    title={`${l.code} ${l.title}${light ? ` · ${t(`lights.${light}`)}` : ""}`}
                  >
                    {t("matrix.responsible")}
                    {light ? <span style={{ fontSize: 10 }}>·{t(`lights.${light}`).slice(0, 1)}</span> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
