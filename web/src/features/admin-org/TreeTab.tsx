import { PlusOutlined } from "@ant-design/icons";
import { Button, Space, Table, type TableColumnsType, Typography } from "antd";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { DeleteRecordModal } from "./DeleteRecordModal";
import type { TreeRecord, TreeRow, TreeTarget } from "./org-tree";
import { RowActions } from "./RowActions";
import type { OrgResource } from "./use-org-admin";

/** A record of a tree tab: placed in its tree, deleted at its version. */
type TreeItem = TreeRecord & { readonly version: number };

/** Props of {@link TreeTab}. */
export interface TreeTabProps<T extends TreeItem> {
  readonly resource: OrgResource;
  /**
   * The i18n prefix of the tab's words ("org.unit"): add, addChildOf, editOf, deleteOf ({{name}}),
   * deleteTitle and empty.
   */
  readonly words: string;
  readonly testId: string;
  readonly tree: TreeRow<T>[];
  /** The rows open at first. */
  readonly expanded: () => readonly string[];
  /** The user may add, edit and delete (else the table is read-only and says so). */
  readonly may: boolean;
  /** The record's name in the buttons and the delete dialog. */
  readonly label: (record: T) => string;
  /** The columns before the actions. */
  readonly columns: TableColumnsType<TreeRow<T>>;
  /** The add or edit dialog of `target`; `onClose(saved)` opens the saved record's parent. */
  readonly form: (target: TreeTarget<T>, onClose: (saved?: T) => void) => ReactNode;
  /** Names of what refers to `record` by a path (`persons.orgUnitId`), for a refused delete. */
  readonly referrers: (record: T) => (path: string) => string[];
}

/**
 * A tree of units or goals in a table: add at the top or below a row, edit and delete a row, each
 * in its dialog. A record saved below a closed parent opens it, so it shows.
 */
export function TreeTab<T extends TreeItem>(props: TreeTabProps<T>) {
  const { t } = useTranslation();
  const w = props.words;
  const [expanded, setExpanded] = useState(props.expanded);
  const [target, setTarget] = useState<TreeTarget<T> | null>(null);
  const [deleting, setDeleting] = useState<T | null>(null);
  const closeForm = (saved?: T) => {
    const parentId = saved?.parentId;
    if (parentId) setExpanded((keys) => [...new Set([...keys, parentId])]);
    setTarget(null);
  };
  const actions = {
    title: t("org.actions"),
    key: "actions",
    width: 290,
    render: (r: TreeRow<T>) => (
      <RowActions
        addChildLabel={t(`${w}.addChildOf`, { name: props.label(r) })}
        onAddChild={() => setTarget({ parent: r })}
        editLabel={t(`${w}.editOf`, { name: props.label(r) })}
        onEdit={() => setTarget({ record: r })}
        deleteLabel={t(`${w}.deleteOf`, { name: props.label(r) })}
        onDelete={() => setDeleting(r)}
      />
    ),
  };
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        {props.may ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ parent: null })}>
            {t(`${w}.add`)}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t("org.readOnly")}</Typography.Text>
        )}
      </Space>
      <Table<TreeRow<T>>
        data-testid={props.testId}
        rowKey="id"
        size="small"
        columns={props.may ? [...props.columns, actions] : props.columns}
        dataSource={props.tree}
        pagination={false}
        expandable={{
          expandedRowKeys: [...expanded],
          onExpandedRowsChange: (keys) => setExpanded(keys.map(String)),
        }}
        locale={{ emptyText: t(`${w}.empty`) }}
      />
      {target ? props.form(target, closeForm) : null}
      {deleting ? (
        <DeleteRecordModal
          resource={props.resource}
          record={deleting}
          title={t(`${w}.deleteTitle`)}
          name={props.label(deleting)}
          names={props.referrers(deleting)}
          onClose={() => setDeleting(null)}
        />
      ) : null}
    </>
  );
}
