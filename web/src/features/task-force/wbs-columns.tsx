import { Input, InputNumber, Tag, Tooltip } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { TFunction } from "i18next";
import type { KeyboardEvent, ReactNode } from "react";
import { DateField } from "../../components/DateField";
import { LightTag } from "../../components/LightTag";
import type { useNames } from "../../hooks/use-data";
import { CompletionStatus } from "../completion/CompletionStatus";
import { editsInline, WBS_WIDTHS as W } from "./row-actions";
import type { useInlineEdit } from "./use-inline-edit";
import type { indexLights, wbsRows } from "./use-task-force-model";

type Row = ReturnType<typeof wbsRows>[number];

/** What the WBS columns read: words, the inline edit, lights, names, and the actions cell. */
export interface WbsColumnsContext {
  readonly t: TFunction;
  readonly edit: ReturnType<typeof useInlineEdit>;
  readonly lights: ReturnType<typeof indexLights>;
  readonly names: ReturnType<typeof useNames>;
  readonly actions: (row: Row) => ReactNode;
}

const NOWRAP = { style: { whiteSpace: "nowrap" as const } };

/**
 * The WBS table's columns. Code, title, light, owner, deadline, progress and the row's actions come
 * first (they fit a 1366 px window); status, unit, duration, the schedule's dates, float and weight
 * follow behind the horizontal scroll.
 */
export function wbsColumns(c: WbsColumnsContext): ColumnsType<Row> {
  const { t, edit: e } = c;
  const editing = (r: Row) => e.editing?.id === r.id;
  // Duration and weight are edited on leaves only (see editsInline).
  const leafEditing = (r: Row, field: string) => editing(r) && editsInline(r, field);
  const err = (k: string) => (e.errors[k] ? { status: "error" as const, title: e.errors[k] } : {});
  // In a row being edited, Enter saves and Escape cancels.
  const keys = {
    onKeyDown: (ev: KeyboardEvent) => {
      if (ev.key === "Enter") e.save();
      else if (ev.key === "Escape") e.cancel();
    },
  };
  const num = (field: "duration" | "percent" | "weight", label: string) => (
    <InputNumber
      aria-label={label}
      {...keys}
      value={e.draft[field]}
      onChange={(v) => e.set(field, field === "duration" ? v : (v ?? 0))}
      style={{ width: "100%" }}
      {...err(field)}
    />
  );
  return [
    { title: t("task.wbs"), dataIndex: "code", width: W.code, fixed: "left", onCell: () => NOWRAP },
    {
      title: t("task.title"),
      width: W.title,
      render: (_, r) =>
        editing(r) ? (
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
      title: t("overview.light"),
      width: W.light,
      onCell: () => NOWRAP,
      render: (_, r) => {
        const l = c.lights.tasks.get(r.id);
        return l ? <LightTag color={l.color} reasons={l.reasons} /> : null;
      },
    },
    {
      title: t("task.responsible"),
      width: W.owner,
      onCell: () => NOWRAP,
      render: (_, r) => c.names.person(r.responsiblePersonId),
    },
    {
      title: t("task.deadline"),
      width: W.deadline,
      onCell: () => NOWRAP,
      render: (_, r) =>
        editing(r) ? (
          <DateField
            aria-label={t("task.deadline")}
            value={e.draft.deadline}
            onChange={(v) => e.set("deadline", v || null)}
            onEnter={(v) => e.save({ deadline: v || null })}
            onEscape={e.cancel}
            style={{ width: W.deadline - 16 }}
            {...err("deadline")}
          />
        ) : (
          r.deadline
        ),
    },
    {
      title: t("task.percent"),
      width: W.percent,
      onCell: () => NOWRAP,
      render: (_, r) => (editing(r) ? num("percent", t("task.percent")) : `${r.percent}%`),
    },
    // In the flow, not fixed at the right: the browser scrolls a focused sticky cell to where it
    // would sit unstuck, which hid the first columns whenever a row's menu got the keyboard focus.
    {
      title: t("layout.actions"),
      key: "actions",
      width: W.actions,
      onCell: () => NOWRAP,
      render: (_, r) => c.actions(r),
    },
    // The status, or 待确认 with a review for leads while a completion is claimed (features/completion).
    { title: t("task.status"), width: W.status, render: (_, r) => <CompletionStatus task={r} /> },
    { title: t("task.unit"), width: W.unit, render: (_, r) => c.names.unit(r.responsibleUnitId) },
    {
      title: t("task.duration"),
      width: W.duration,
      render: (_, r) =>
        leafEditing(r, "duration") ? num("duration", t("task.duration")) : (r.duration ?? ""),
    },
    { title: t("task.lateStart"), dataIndex: "lateStart", width: W.lateStart, onCell: () => NOWRAP },
    { title: t("task.earlyFinish"), dataIndex: "earlyFinish", width: W.earlyFinish, onCell: () => NOWRAP },
    {
      title: t("task.float"),
      width: W.float,
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
      title: t("task.weight"),
      width: W.weight,
      render: (_, r) => (leafEditing(r, "weight") ? num("weight", t("task.weight")) : r.weight),
    },
  ];
}
