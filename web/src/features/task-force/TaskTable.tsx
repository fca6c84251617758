import { AuditOutlined, PlusOutlined } from "@ant-design/icons";
import { App, Button, Space, Table } from "antd";
import { type HTMLAttributes, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Task, TaskForceFull } from "../../api/types";
import { WriteError } from "../../components/ConflictAlert";
import { useCan } from "../../hooks/use-can";
import type { useNames } from "../../hooks/use-data";
import { ChaseDialog, type ChaseSubject } from "../chasing/ChaseButton";
import { TaskCommentsDrawer } from "../comments/TaskCommentsDrawer";
import { useTaskForceComments } from "../comments/use-comments";
import { DependencyDrawer } from "./DependencyDrawer";
import { PlanApprovalModal } from "./PlanApprovalModal";
import { PlanErrorAlert } from "./PlanErrorAlert";
import { isFinished, type RowActionKey, rowActionKeys } from "./row-actions";
import { type NewTaskTarget, TaskFormModal } from "./TaskFormModal";
import { TaskIndicatorsModal } from "./TaskIndicatorsModal";
import { RowEditButtons, TaskRowActions } from "./TaskRowActions";
import { useInlineEdit } from "./use-inline-edit";
import { useDeletePlanRecord, usePlanErrorContext } from "./use-plan-edits";
import type { indexLights, wbsRows } from "./use-task-force-model";
import { wbsColumns } from "./wbs-columns";

type Row = ReturnType<typeof wbsRows>[number];

/** The 催办 subject of a task row. */
const chaseSubject = (r: Task): ChaseSubject => ({
  kind: "task",
  id: r.id,
  code: r.code,
  title: r.title,
  ownerId: r.responsiblePersonId,
  closed: isFinished(r),
});

/**
 * The WBS task table; leads of this task force (and admins) edit rows inline, add tasks and
 * sub-tasks, edit predecessors and delete tasks. A row's actions sit in one narrow column: 填报进展
 * as an icon, the rest (批示, 催办, edit, plan edits) in its menu.
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
  const { message, modal } = App.useApp();
  const can = useCan();
  const editable = can.editTasks(props.taskForceId);
  const e = useInlineEdit(props.taskForceId);
  const planTasks = can.editPlan(props.taskForceId, "tasks");
  const planDeps = can.editPlan(props.taskForceId, "dependencies");
  const [adding, setAdding] = useState<NewTaskTarget | null>(null);
  const [depsOf, setDepsOf] = useState<Task | null>(null);
  const [linksOf, setLinksOf] = useState<Task | null>(null);
  const [approving, setApproving] = useState(false);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [chasing, setChasing] = useState<Task | null>(null);
  const [commentsOf, setCommentsOf] = useState<Task | null>(null);
  const del = useDeletePlanRecord();
  const errCtx = usePlanErrorContext(props.full, deleting);
  const comments = useCommentCounts(props.taskForceId);
  const predCount = (id: string) => props.full.dependencies.filter((d) => d.successorId === id).length;
  const remove = (r: Task) => {
    setDeleting(r.id);
    del.mutate(
      { resource: "tasks", id: r.id, version: r.version },
      { onSuccess: () => void message.success(t("plan.deleted", { what: r.code })) },
    );
  };
  const confirmRemove = (r: Task) =>
    modal.confirm({
      title: t("plan.confirmDeleteTask", { task: `${r.code} ${r.title}` }),
      okText: t("plan.delete"),
      okButtonProps: { danger: true },
      cancelText: t("common.cancel"),
      onOk: () => remove(r),
    });
  const act = (key: RowActionKey, r: Row) => {
    if (key === "comments") setCommentsOf(r);
    else if (key === "chase") setChasing(r);
    else if (key === "edit") e.start(r);
    else if (key === "indicators") setLinksOf(r);
    else if (key === "predecessors") setDepsOf(r);
    else if (key === "addChild") setAdding({ parentId: r.id });
    else confirmRemove(r);
  };
  const actions = (r: Row) =>
    e.editing?.id === r.id ? (
      <RowEditButtons
        onSave={() => e.save()}
        onCancel={e.cancel}
        saving={e.pending}
        invalid={Object.keys(e.errors).length > 0}
      />
    ) : (
      <TaskRowActions
        task={r}
        comments={comments.get(r.id) ?? 0}
        predecessors={predCount(r.id)}
        onReport={
          !r.summary && props.onReport && can.reportProgress(r) ? () => props.onReport?.(r) : undefined
        }
        onAction={(key) => act(key, r)}
        actions={rowActionKeys({
          comments: true,
          chase: !r.summary && can.rule("chases:send") && !isFinished(r),
          edit: editable,
          linkIndicators: editable,
          editDependencies: planDeps,
          editTasks: planTasks,
        })}
      />
    );
  const columns = wbsColumns({ t, edit: e, lights: props.lights, names: props.names, actions });
  // A link to one task (from the check page, the battle map or "my tasks") scrolls its row into view.
  useEffect(() => {
    if (!props.highlight) return;
    const row = document.querySelector(`tr[data-row-key="${CSS.escape(props.highlight)}"]`);
    row?.scrollIntoView({ block: "center" });
  }, [props.highlight]);
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
        scroll={{ x: "max-content" }}
        rowClassName={(r) => (r.id === props.highlight ? "ant-table-row-selected" : "")}
        // Rows named by WBS code for tests and scripts; antd's row props type has no data-* keys.
        onRow={(r) => ({ "data-task-code": r.code }) as HTMLAttributes<HTMLElement>}
        columns={columns}
      />
      <TaskFormModal
        key={adding ? `new-${adding.parentId ?? ""}` : "closed"}
        full={props.full}
        target={adding}
        onClose={() => setAdding(null)}
        onCreated={(task) => props.onFocusTask?.(task.id)}
      />
      <TaskIndicatorsModal
        full={props.full}
        task={linksOf ? (props.full.tasks.find((x) => x.id === linksOf.id) ?? null) : null}
        onClose={() => setLinksOf(null)}
      />
      <DependencyDrawer
        full={props.full}
        task={depsOf ? (props.full.tasks.find((x) => x.id === depsOf.id) ?? null) : null}
        onClose={() => setDepsOf(null)}
      />
      {chasing ? (
        <ChaseDialog key={chasing.id} subject={chaseSubject(chasing)} open onClose={() => setChasing(null)} />
      ) : null}
      {commentsOf ? <TaskCommentsDrawer task={commentsOf} open onClose={() => setCommentsOf(null)} /> : null}
    </>
  );
}

/** The number of leaders' comments on each task of a task force (the task's own, not its items'). */
function useCommentCounts(taskForceId: string): Map<string, number> {
  const q = useTaskForceComments(taskForceId);
  return useMemo(() => {
    const out = new Map<string, number>();
    for (const c of q.data?.items ?? [])
      if (c.taskId && !c.supervisionItemId) out.set(c.taskId, (out.get(c.taskId) ?? 0) + 1);
    return out;
  }, [q.data]);
}
