import { Select, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TaskForceFull } from "../../api/types";
import { TimelineSection } from "./TimelineSection";

/** The task force's 时间线 tab: picks one of its tasks and shows that task's timeline. */
export function TaskTimelinePanel({ full, initial }: { full: TaskForceFull; initial?: string | null }) {
  const { t } = useTranslation();
  const first = full.tasks.find((x) => x.id === initial)?.id ?? full.tasks[0]?.id ?? null;
  const [taskId, setTaskId] = useState<string | null>(first);
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Space>
        <Typography.Text>{t("tl.record")}</Typography.Text>
        <Select
          id="timeline-task"
          showSearch
          optionFilterProp="label"
          style={{ minWidth: 360 }}
          value={taskId}
          onChange={setTaskId}
          options={full.tasks.map((x) => ({ value: x.id, label: `${x.code} ${x.title}` }))}
        />
      </Space>
      {taskId ? <TimelineSection kind="task" id={taskId} /> : null}
    </Space>
  );
}
