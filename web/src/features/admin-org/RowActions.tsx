import { DeleteOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Space } from "antd";
import { useTranslation } from "react-i18next";

/** Props of {@link RowActions}: each button's accessible name says which record it acts on. */
export interface RowActionsProps {
  readonly editLabel: string;
  readonly deleteLabel: string;
  readonly onEdit: () => void;
  readonly onDelete: () => void;
  /** 新增下级 (units and goals): shown when given. */
  readonly addChildLabel?: string;
  readonly onAddChild?: () => void;
}

/** The edit, delete and "add below" buttons of one row of an organisation table. */
export function RowActions(props: RowActionsProps) {
  const { t } = useTranslation();
  return (
    <Space size={0}>
      {props.onAddChild ? (
        <Button
          type="link"
          size="small"
          icon={<PlusOutlined />}
          aria-label={props.addChildLabel}
          onClick={props.onAddChild}
        >
          {t("org.addChild")}
        </Button>
      ) : null}
      <Button
        type="link"
        size="small"
        icon={<EditOutlined />}
        aria-label={props.editLabel}
        onClick={props.onEdit}
      >
        {t("org.edit")}
      </Button>
      <Button
        type="link"
        size="small"
        danger
        icon={<DeleteOutlined />}
        aria-label={props.deleteLabel}
        onClick={props.onDelete}
      >
        {t("org.delete")}
      </Button>
    </Space>
  );
}
