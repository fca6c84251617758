import { Flex, Select, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TaskForceFull } from "../../api/types";
import { AuditTrail } from "./AuditTrail";

/** Picks a record of the task force (itself or one of its tasks) and shows its audit trail. */
export function HistoryPanel({ full, initial }: { full: TaskForceFull; initial?: string | null }) {
  const { t } = useTranslation();
  const [entityId, setEntityId] = useState(initial ?? full.taskForce.id);
  const options = [
    { value: full.taskForce.id, label: `${full.taskForce.code} ${full.taskForce.name}` },
    ...full.tasks.map((x) => ({ value: x.id, label: `${x.code} ${x.title}` })),
  ];
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Flex wrap gap={8} align="center">
        <label htmlFor="history-record">{t("audit.record")}</label>
        <Select
          id="history-record"
          showSearch
          optionFilterProp="label"
          style={{ width: 360, maxWidth: "100%" }}
          value={entityId}
          onChange={setEntityId}
          options={options}
        />
      </Flex>
      <AuditTrail entityId={entityId} />
    </Space>
  );
}
