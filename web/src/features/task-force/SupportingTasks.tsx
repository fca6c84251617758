import { Space, Tag, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Indicator, LightColor, TaskForceFull } from "../../api/types";
import { LightTag } from "../../components/LightTag";
import { useTaskForceLights } from "../../hooks/use-data";
import { tasksBehind } from "./task-indicators";
import { indexLights } from "./use-task-force-model";

/**
 * 支撑任务: the tasks behind an indicator (those naming it, and the one it names), each a link to its
 * WBS row. Behind a red indicator they are set apart with their lights: what to push first.
 */
export function SupportingTasks({
  full,
  indicator,
  light,
}: {
  full: TaskForceFull;
  indicator: Pick<Indicator, "id" | "taskId">;
  light: LightColor | undefined;
}) {
  const { t } = useTranslation();
  const lights = useTaskForceLights(full.taskForce.id);
  const byTask = useMemo(() => indexLights(lights.data).tasks, [lights.data]);
  const tasks = useMemo(() => tasksBehind(indicator, full.tasks), [indicator, full.tasks]);
  const red = light === "red";
  const link = (id: string, text: string) => (
    <Link
      to={`/task-forces/${encodeURIComponent(full.taskForce.id)}?tab=tasks&task=${encodeURIComponent(id)}`}
    >
      {text}
    </Link>
  );
  return (
    <section
      data-supporting-tasks={indicator.id}
      data-highlight={red && tasks.length > 0 ? "red" : undefined}
      aria-label={red ? t("ilinks.panel.redTasks") : t("ilinks.panel.tasks")}
      style={{
        marginTop: 8,
        padding: red && tasks.length ? "8px 12px" : 0,
        border: red && tasks.length ? "1px solid #ffa39e" : undefined,
        background: red && tasks.length ? "#fff1f0" : undefined,
        borderRadius: 6,
      }}
    >
      <Typography.Text strong={red}>
        {red && tasks.length ? t("ilinks.panel.redTasks") : t("ilinks.panel.tasks")}
      </Typography.Text>
      {red && tasks.length ? (
        <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
          {t("ilinks.panel.redHint")}
        </Typography.Text>
      ) : null}
      {tasks.length === 0 ? (
        <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
          {t("ilinks.panel.none")}
        </Typography.Text>
      ) : red ? (
        <ul style={{ margin: "4px 0 0", paddingInlineStart: 0, listStyle: "none" }}>
          {tasks.map((task) => {
            const l = byTask.get(task.id);
            return (
              <li
                key={task.id}
                data-task={task.code}
                style={{ display: "flex", gap: 8, alignItems: "center", padding: "2px 0" }}
              >
                {l ? <LightTag color={l.color} reasons={l.reasons} /> : null}
                {link(task.id, `${task.code} ${task.title}`)}
                <Typography.Text type="secondary">{task.percent}%</Typography.Text>
              </li>
            );
          })}
        </ul>
      ) : (
        <Space size={[4, 4]} wrap style={{ marginInlineStart: 8 }}>
          {tasks.map((task) => (
            <Tag key={task.id} data-task={task.code} style={{ marginInlineEnd: 0 }}>
              {link(task.id, `${task.code} ${task.title}`)}
            </Tag>
          ))}
        </Space>
      )}
    </section>
  );
}
