import { ApartmentOutlined, DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Popconfirm } from "antd";
import { useTranslation } from "react-i18next";
import type { Task } from "../../api/types";

/** A WBS row's plan buttons for the lead: add a sub-task, edit predecessors, delete (confirmed). */
export function TaskPlanActions(props: {
  task: Task;
  predecessors: number;
  editTasks: boolean;
  editDependencies: boolean;
  onAddChild: () => void;
  onDependencies: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const { task } = props;
  return (
    <>
      {props.editDependencies ? (
        <Button
          size="small"
          icon={<ApartmentOutlined />}
          data-deps-task={task.code}
          aria-label={`${t("plan.predecessors")} ${task.code}`}
          onClick={props.onDependencies}
        >
          {t("plan.predecessors")}
          {props.predecessors ? ` ${props.predecessors}` : ""}
        </Button>
      ) : null}
      {props.editTasks ? (
        <>
          {/* Plain titles, not antd Tooltips: one per row made the lead's table noticeably slower. */}
          <Button
            size="small"
            icon={<PlusOutlined />}
            title={t("plan.addChild")}
            data-add-child={task.code}
            aria-label={`${t("plan.addChild")} ${task.code}`}
            onClick={props.onAddChild}
          />
          <Popconfirm
            title={t("plan.confirmDeleteTask", { task: `${task.code} ${task.title}` })}
            okText={t("plan.delete")}
            okButtonProps={{ danger: true }}
            cancelText={t("common.cancel")}
            onConfirm={props.onDelete}
          >
            <Button
              size="small"
              danger
              icon={<DeleteOutlined />}
              title={t("plan.delete")}
              data-delete-task={task.code}
              aria-label={`${t("plan.delete")} ${task.code}`}
            />
          </Popconfirm>
        </>
      ) : null}
    </>
  );
}
