import { ApartmentOutlined, DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Badge, Button, Popconfirm, Tooltip } from "antd";
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
        <Badge count={props.predecessors} size="small" color="geekblue" offset={[-4, 0]}>
          <Button
            size="small"
            icon={<ApartmentOutlined />}
            data-deps-task={task.code}
            aria-label={`${t("plan.predecessors")} ${task.code}`}
            onClick={props.onDependencies}
          >
            {t("plan.predecessors")}
          </Button>
        </Badge>
      ) : null}
      {props.editTasks ? (
        <>
          <Tooltip title={t("plan.addChild")}>
            <Button
              size="small"
              icon={<PlusOutlined />}
              data-add-child={task.code}
              aria-label={`${t("plan.addChild")} ${task.code}`}
              onClick={props.onAddChild}
            />
          </Tooltip>
          <Popconfirm
            title={t("plan.confirmDeleteTask", { task: `${task.code} ${task.title}` })}
            okText={t("plan.delete")}
            okButtonProps={{ danger: true }}
            cancelText={t("common.cancel")}
            onConfirm={props.onDelete}
          >
            <Tooltip title={t("plan.delete")}>
              <Button
                size="small"
                danger
                icon={<DeleteOutlined />}
                data-delete-task={task.code}
                aria-label={`${t("plan.delete")} ${task.code}`}
              />
            </Tooltip>
          </Popconfirm>
        </>
      ) : null}
    </>
  );
}
