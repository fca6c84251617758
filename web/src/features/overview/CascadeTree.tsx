import { Tree, Typography } from "antd";
import type { DataNode } from "antd/es/tree";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { LightTag } from "../../components/LightTag";
import type { CascadeNode } from "./cascade";

/** The cascade tree (层层衔接) with a light on every node; task forces link to their workspace. */
export function CascadeTree({ nodes }: { nodes: CascadeNode[] }) {
  const { t } = useTranslation();
  const toData = (n: CascadeNode): DataNode => ({
    key: n.key,
    title: (
      <span style={{ display: "inline-flex", gap: 6, alignItems: "center" }}>
        {n.light ? (
          <LightTag color={n.light} reasons={n.taskForce?.reasons} compact={n.kind === "goal"} />
        ) : null}
        {n.goal ? (
          <>
            <Typography.Text type="secondary">{t(`levels.${n.goal.level}`)}</Typography.Text>
            <span>{n.goal.title}</span>
          </>
        ) : (
          <Link to={`/task-forces/${n.taskForce?.id}`}>
            {n.taskForce?.code} {n.taskForce?.name}
          </Link>
        )}
      </span>
    ),
    children: n.children.map(toData),
  });
  return (
    <Tree
      treeData={nodes.map(toData)}
      defaultExpandAll
      selectable={false}
      blockNode
      aria-label={t("overview.cascade")}
    />
  );
}
