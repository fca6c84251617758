import { AuditOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import { App, Button, Input, InputNumber, Space, Table, Tag, Tooltip } from "antd";
import { type KeyboardEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Task, TaskForceFull } from "../../api/types";
import { WriteError } from "../../components/ConflictAlert";
import { DateField } from "../../components/DateField";
import { LightTag } from "../../components/LightTag";
import { useCan } from "../../hooks/use-can";
import type { useNames } from "../../hooks/use-data";
import { ChaseButton } from "../chasing/ChaseButton";
import { TaskCommentsButton } from "../comments/TaskCommentsButton";
import { CompletionStatus } from "../completion/CompletionStatus";
import { DependencyDrawer } from "./DependencyDrawer";
import { PlanApprovalModal } from "./PlanApprovalModal";
import { PlanErrorAlert } from "./PlanErrorAlert";
import { type NewTaskTarget, TaskFormModal } from "./TaskFormModal";
import { TaskPlanActions } from "./TaskPlanActions";
import { useInlineEdit } from "./use-inline-edit";
import { useDeletePlanRecord, usePlanErrorContext } from "./use-plan-edits";
import type { indexLights, wbsRows } from "./use-task-force-model";

type Row = ReturnType<typeof wbsRows>[number];

/**
 * The WBS task table; leads of this task force (and admins) edit rows inline, add tasks and
 * sub-tasks, edit predecessors and delete tasks.
 */
export function TaskTable(props: {
  taskForceId: string;
  full: TaskForceFull;
  rows: Row[];
  lights: ReturnType<typeof indexLights>;
  names: ReturnType<typeof useNames>;
  highlight?: string | null;
  onReport?: (task: Task) => void;
  /** Shows one task (a new one) highlighted and scrolled into view. */
  onFocusTask?: (taskId: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const editable = can.editTasks(props.taskForceId);
  const e = useInlineEdit(props.taskForceId);
  const planTasks = can.editPlan(props.taskForceId, "tasks");
  const planDeps = can.editPlan(props.taskForceId, "dependencies");
  const [adding, setAdding] = useState<NewTaskTarget | null>(null);
  const [depsOf, setDepsOf] = useState<Task | null>(null);
  const [approving, setApproving] = useState(false);
  const [deleting, setDeleting] = useState<string | null>(null);
  const del = useDeletePlanRecord();
  const errCtx = usePlanErrorContext(props.full, deleting);
  const predCount = (id: string) => props.full.dependencies.filter((d) => d.successorId === id).length;
  const remove = (r: Task) => {
    setDeleting(r.id);
    del.mutate(
      { resource: "tasks", id: r.id, version: r.version },
      { onSuccess: () => void message.success(t("plan.deleted", { what: r.code })) },
    );
  };
  const isEditing = (r: Task) => e.editing?.id === r.id;
  // A link to one task (from the check page, the battle map or "my tasks") scrolls its row into view.
  useEffect(() => {
    if (!props.highlight) return;
    const row = document.querySelector(`tr[data-row-key="${CSS.escape(props.highlight)}"]`);
    row?.scrollIntoView({ block: "center" });
  }, [props.highlight]);
  const err = (k: string) => (e.errors[k] ? { status: "error" as const, title: e.errors[k] } : {});
  // In a row being edited, Enter saves and Escape cancels.
  const keys = {
    onKeyDown: (ev: KeyboardEvent) => {
      if (ev.key === "Enter") e.save();
      else if (ev.key === "Escape") e.cancel();
    },
  };
  return (
    <>
      <div style={{ position: "sticky", top: 0, zIndex: 20 }}>
        <WriteError error={e.error} onReapply={e.reapply} onDiscard={e.cancel} />
        <PlanErrorAlert
          error={del.error}
          context={errCtx}
          onReapply={() => void del.reapply()}
          onClose={() => del.reset()}
        />
      </div>
      {planTasks || can.approvePlan(props.taskForceId) ? (
        <Space style={{ marginBottom: 8 }}>
          {planTasks ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="add-task"
              onClick={() => setAdding({ parentId: null })}
            >
              {t("plan.addTask")}
            </Button>
          ) : null}
          {can.approvePlan(props.taskForceId) ? (
            <Button icon={<AuditOutlined />} data-testid="approve-plan" onClick={() => setApproving(true)}>
              {t("baseline.approve")}
            </Button>
          ) : null}
        </Space>
      ) : null}
      <PlanApprovalModal
        taskForceId={props.taskForceId}
        open={approving}
        onClose={() => setApproving(false)}
      />
      <Table<Row>
        className="wbs-table"
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
                  {...keys}
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
          // Leaders' comments on the task (features/comments).
          { title: "", width: 64, render: (_: unknown, r: Row) => <TaskCommentsButton task={r} /> },
          {
            title: "",
            width: 76,
            render: (_: unknown, r: Row) =>
              r.summary ? null : (
                <ChaseButton
                  subject={{
                    kind: "task",
                    id: r.id,
                    code: r.code,
                    title: r.title,
                    ownerId: r.responsiblePersonId,
                    closed: r.status === "done" || r.percent >= 100,
                  }}
                />
              ),
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
                  {...keys}
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
                <DateField
                  aria-label={t("task.deadline")}
                  value={e.draft.deadline}
                  onChange={(v) => e.set("deadline", v || null)}
                  onEnter={(v) => e.save({ deadline: v || null })}
                  onEscape={e.cancel}
                  style={{ width: 124 }}
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
                  {...keys}
                  value={e.draft.percent}
                  onChange={(v) => e.set("percent", v ?? 0)}
                  {...err("percent")}
                />
              ) : (
                `${r.percent}%`
              ),
          },
          // The status, or 待确认 with a review for leads while a completion is claimed (features/completion).
          { title: t("task.status"), width: 150, render: (_, r) => <CompletionStatus task={r} /> },
          {
            title: t("task.weight"),
            width: 80,
            render: (_, r) =>
              isEditing(r) ? (
                <InputNumber
                  aria-label={t("task.weight")}
                  {...keys}
                  value={e.draft.weight}
                  onChange={(v) => e.set("weight", v ?? 0)}
                  {...err("weight")}
                />
              ) : (
                r.weight
              ),
          },
          ...(editable || planTasks || planDeps
            ? [
                {
                  title: "",
                  width: 300,
                  fixed: "right" as const,
                  render: (_: unknown, r: Row) =>
                    isEditing(r) ? (
                      <Space>
                        <Button
                          size="small"
                          type="primary"
                          onClick={() => e.save()}
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
                      <Space size={4}>
                        {editable ? (
                          <Button
                            size="small"
                            icon={<EditOutlined />}
                            data-testid="edit-task"
                            aria-label={`${t("common.edit")} ${r.code}`}
                            onClick={() => e.start(r)}
                          >
                            {t("common.edit")}
                          </Button>
                        ) : null}
                        <TaskPlanActions
                          task={r}
                          predecessors={predCount(r.id)}
                          editTasks={planTasks}
                          editDependencies={planDeps}
                          onAddChild={() => setAdding({ parentId: r.id })}
                          onDependencies={() => setDepsOf(r)}
                          onDelete={() => remove(r)}
                        />
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      <TaskFormModal
        key={adding ? `new-${adding.parentId ?? ""}` : "closed"}
        full={props.full}
        target={adding}
        onClose={() => setAdding(null)}
        onCreated={(task) => props.onFocusTask?.(task.id)}
      />
      <DependencyDrawer
        full={props.full}
        task={depsOf ? (props.full.tasks.find((x) => x.id === depsOf.id) ?? null) : null}
        onClose={() => setDepsOf(null)}
      />
    </>
  );
}
