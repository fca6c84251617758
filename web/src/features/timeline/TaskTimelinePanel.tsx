import { Flex, Select, Space } from "antd";
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
      {/* Wraps on a phone: the picker takes the whole line rather than widening the page. */}
      <Flex wrap gap={8} align="center">
        <label htmlFor="timeline-task">{t("tl.record")}</label>
        <Select
          id="timeline-task"
          showSearch
          optionFilterProp="label"
          style={{ width: 360, maxWidth: "100%" }}
          value={taskId}
          onChange={setTaskId}
          options={full.tasks.map((x) => ({ value: x.id, label: `${x.code} ${x.title}` }))}
        />
      </Flex>
      {taskId ? <TimelineSection kind="task" id={taskId} /> : null}
    </Space>
  );
}
