import { Button, Table } from "antd";
import { useTranslation } from "react-i18next";
import type { AssessmentSnapshot } from "../../api/types";
import { localMinute } from "../comments/comment-view";

/** The snapshots by status date (newest first); each date is a button that selects its snapshot. */
export function SnapshotList(props: {
  items: readonly AssessmentSnapshot[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table<AssessmentSnapshot>
      rowKey="id"
      size="small"
      aria-label={t("assess.snapshots")}
      pagination={props.items.length > 12 ? { pageSize: 12, size: "small" } : false}
      dataSource={[...props.items]}
      rowClassName={(s) => (s.id === props.selectedId ? "ant-table-row-selected" : "")}
      onRow={(s) => ({ "data-snapshot": s.statusDate }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t("common.statusDate"),
          render: (_, s) => (
            <Button
              type="link"
              size="small"
              style={{ padding: 0, fontWeight: s.id === props.selectedId ? 700 : 400 }}
              aria-current={s.id === props.selectedId ? "true" : undefined}
              onClick={() => props.onSelect(s.id)}
            >
              {s.statusDate}
            </Button>
          ),
        },
        {
          title: t("assess.takenAt"),
          render: (_, s) => (
            <span style={{ fontSize: 12 }}>
              {localMinute(s.takenAt)} · {s.takenBy}
            </span>
          ),
        },
      ]}
    />
  );
}
