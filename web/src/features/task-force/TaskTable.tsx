import { EditOutlined } from "@ant-design/icons";
import { Button, Input, InputNumber, Space, Table, Tag, Tooltip } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { Task } from "../../api/types";
import { WriteError } from "../../components/ConflictAlert";
import { LightTag } from "../../components/LightTag";
import { useCan } from "../../hooks/use-can";
import type { useNames } from "../../hooks/use-data";
import { useInlineEdit } from "./use-inline-edit";
import type { indexLights, wbsRows } from "./use-task-force-model";

type Row = ReturnType<typeof wbsRows>[number];

/** The WBS task table; leads of this task force (and admins) edit rows inline. */
export function TaskTable(props: {
  taskForceId: string;
  rows: Row[];
  lights: ReturnType<typeof indexLights>;
  names: ReturnType<typeof useNames>;
  highlight?: string | null;
  onReport?: (task: Task) => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const editable = can.editTasks(props.taskForceId);
  const e = useInlineEdit(props.taskForceId);
  const isEditing = (r: Task) => e.editing?.id === r.id;
  // A link to one task (from the check page, the battle map or "my tasks") scrolls its row into view.
  useEffect(() => {
    if (!props.highlight) return;
    const row = document.querySelector(`tr[data-row-key="${CSS.escape(props.highlight)}"]`);
    row?.scrollIntoView({ block: "center" });
  }, [props.highlight]);
  const err = (k: string) => (e.errors[k] ? { status: "error" as const, title: e.errors[k] } : {});
  return (
    <>
      <div style={{ position: "sticky", top: 0, zIndex: 5 }}>
        <WriteError error={e.error} onReapply={e.reapply} onDiscard={e.cancel} />
      </div>
      <Table<Row>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={props.rows}
        scroll={{ x: 1300 }}
        rowClassName={(r) => (r.id === props.highlight ? "ant-table-row-selected" : "")}
        columns={[
          { title: t("task.wbs"), dataIndex: "code", width: 90, fixed: "left" },
          {
            title: t("task.title"),
            width: 280,
            render: (_, r) =>
              isEditing(r) ? (
                <Input
                  aria-label={t("task.title")}
                  value={e.draft.title}
                  onChange={(x) => e.set("title", x.target.value)}
                  {...err("title")}
                />
              ) : (
                <span style={{ paddingInlineStart: r.depth * 12, fontWeight: r.summary ? 600 : 400 }}>
                  {r.duration === 0 ? <Tag>{t("task.milestone")}</Tag> : null}
                  {r.title}
                </span>
              ),
          },
          {
            title: "",
            width: 100,
            render: (_: unknown, r: Row) =>
              !r.summary && props.onReport && can.reportProgress(r) ? (
                <Button
                  size="small"
                  type="primary"
                  ghost
                  data-report-task={r.code}
                  onClick={() => props.onReport?.(r)}
                >
                  {t("report.new")}
                </Button>
              ) : null,
          },
          {
            title: t("overview.light"),
            width: 110,
            render: (_, r) => {
              const l = props.lights.tasks.get(r.id);
              return l ? <LightTag color={l.color} reasons={l.reasons} /> : null;
            },
          },
          {
            title: t("task.responsible"),
            width: 90,
            render: (_, r) => props.names.person(r.responsiblePersonId),
          },
          { title: t("task.unit"), width: 120, render: (_, r) => props.names.unit(r.responsibleUnitId) },
          {
            title: t("task.duration"),
            width: 100,
            render: (_, r) =>
              isEditing(r) && !r.summary ? (
                <InputNumber
                  aria-label={t("task.duration")}
                  min={0}
                  value={e.draft.duration}
                  onChange={(v) => e.set("duration", v)}
                  {...err("duration")}
                />
              ) : (
                (r.duration ?? "")
              ),
          },
          {
            title: t("task.deadline"),
            width: 140,
            render: (_, r) =>
              isEditing(r) ? (
                <Input
                  type="date"
                  aria-label={t("task.deadline")}
                  value={e.draft.deadline ?? ""}
                  onChange={(x) => e.set("deadline", x.target.value || null)}
                  {...err("deadline")}
                />
              ) : (
                r.deadline
              ),
          },
          { title: t("task.lateStart"), dataIndex: "lateStart", width: 105 },
          { title: t("task.earlyFinish"), dataIndex: "earlyFinish", width: 105 },
          {
            title: t("task.float"),
            width: 120,
            render: (_, r) => (
              <span>
                {r.totalFloat ?? ""}
                {r.critical ? (
                  <Tooltip title={t("task.critical")}>
                    <Tag color="volcano" style={{ marginInlineStart: 4 }}>
                      {t("task.critical")}
                    </Tag>
                  </Tooltip>
                ) : null}
              </span>
            ),
          },
          {
            title: t("task.percent"),
            width: 90,
            render: (_, r) =>
              isEditing(r) ? (
                <InputNumber
                  aria-label={t("task.percent")}
                  min={0}
                  max={100}
                  value={e.draft.percent}
                  onChange={(v) => e.set("percent", v ?? 0)}
                  {...err("percent")}
                />
              ) : (
                `${r.percent}%`
              ),
          },
          { title: t("task.status"), width: 80, render: (_, r) => t(`status.${r.status}`) },
          {
            title: t("task.weight"),
            width: 80,
            render: (_, r) =>
              isEditing(r) ? (
                <InputNumber
                  aria-label={t("task.weight")}
                  min={0}
                  max={100}
                  value={e.draft.weight}
                  onChange={(v) => e.set("weight", v ?? 0)}
                  {...err("weight")}
                />
              ) : (
                r.weight
              ),
          },
          ...(editable
            ? [
                {
                  title: "",
                  width: 150,
                  fixed: "right" as const,
                  render: (_: unknown, r: Row) =>
                    isEditing(r) ? (
                      <Space>
                        <Button
                          size="small"
                          type="primary"
                          onClick={e.save}
                          loading={e.pending}
                          disabled={Object.keys(e.errors).length > 0}
                        >
                          {t("common.save")}
                        </Button>
                        <Button size="small" onClick={e.cancel}>
                          {t("common.cancel")}
                        </Button>
                      </Space>
                    ) : (
                      <Button
                        size="small"
                        icon={<EditOutlined />}
                        data-testid="edit-task"
                        aria-label={`${t("common.edit")} ${r.code}`}
                        onClick={() => e.start(r)}
                      >
                        {t("common.edit")}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
