import {
  ApartmentOutlined,
  BellOutlined,
  CheckOutlined,
  CloseOutlined,
  CommentOutlined,
  DeleteOutlined,
  EditOutlined,
  FileAddOutlined,
  FundOutlined,
  MoreOutlined,
  PlusOutlined,
} from "@ant-design/icons";
import { Button, Dropdown, type MenuProps } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Task } from "../../api/types";
import type { RowActionKey } from "./row-actions";

/** Icons of the row menu's actions. */
const ICONS: Record<RowActionKey, ReactNode> = {
  comments: <CommentOutlined />,
  chase: <BellOutlined />,
  edit: <EditOutlined />,
  indicators: <FundOutlined />,
  predecessors: <ApartmentOutlined />,
  addChild: <PlusOutlined />,
  delete: <DeleteOutlined />,
};

/** The label of a menu action, named for scripts by `data-row-action` (its key). */
const actionLabel = (key: RowActionKey, text: string) => <span data-row-action={key}>{text}</span>;

/**
 * A WBS row's actions in one narrow cell: 填报进展 as an icon (the owner's most frequent action),
 * the number of leaders' comments when there are any, and the rest in a menu (⋯).
 */
export function TaskRowActions(props: {
  task: Task;
  actions: readonly RowActionKey[];
  comments: number;
  predecessors: number;
  onReport?: () => void;
  onAction: (key: RowActionKey) => void;
}) {
  const { t } = useTranslation();
  const { task } = props;
  const text: Record<RowActionKey, string> = {
    comments: props.comments ? `${t("cmt.title")} (${props.comments})` : t("cmt.title"),
    chase: t("chase.send"),
    edit: t("common.edit"),
    indicators: task.indicatorIds.length
      ? `${t("ilinks.task.action")} (${task.indicatorIds.length})`
      : t("ilinks.task.action"),
    predecessors: props.predecessors
      ? `${t("plan.predecessors")} (${props.predecessors})`
      : t("plan.predecessors"),
    addChild: t("plan.addChild"),
    delete: t("plan.delete"),
  };
  const items: MenuProps["items"] = props.actions.map((key) => ({
    key,
    icon: ICONS[key],
    danger: key === "delete",
    label: actionLabel(key, text[key]),
  }));
  return (
    <span className="wbs-actions">
      {props.onReport ? (
        <Button
          size="small"
          type="text"
          icon={<FileAddOutlined />}
          data-report-task={task.code}
          title={t("report.new")}
          aria-label={`${t("report.new")} ${task.code}`}
          onClick={props.onReport}
        />
      ) : null}
      {props.comments ? (
        <Button
          size="small"
          type="link"
          icon={<CommentOutlined />}
          data-comments-task={task.code}
          title={t("cmt.title")}
          aria-label={`${t("cmt.title")} ${task.code} (${props.comments})`}
          onClick={() => props.onAction("comments")}
        >
          {props.comments}
        </Button>
      ) : null}
      {props.actions.length ? (
        <Dropdown
          trigger={["click"]}
          placement="bottomRight"
          menu={{
            items,
            onClick: ({ key }) => {
              const action = props.actions.find((a) => a === key);
              if (action) props.onAction(action);
            },
          }}
        >
          <Button
            size="small"
            type="text"
            icon={<MoreOutlined />}
            data-row-actions={task.code}
            title={t("layout.actions")}
            aria-label={t("layout.actionsOf", { code: task.code })}
          />
        </Dropdown>
      ) : null}
    </span>
  );
}

/** The save and cancel buttons of a row being edited inline, as icons with their names. */
export function RowEditButtons(props: {
  onSave: () => void;
  onCancel: () => void;
  saving: boolean;
  invalid: boolean;
}) {
  const { t } = useTranslation();
  return (
    <span className="wbs-actions">
      <Button
        size="small"
        type="primary"
        icon={<CheckOutlined />}
        title={t("common.save")}
        aria-label={t("common.save")}
        onClick={props.onSave}
        loading={props.saving}
        disabled={props.invalid}
      />
      <Button
        size="small"
        icon={<CloseOutlined />}
        title={t("common.cancel")}
        aria-label={t("common.cancel")}
        onClick={props.onCancel}
      />
    </span>
  );
}
