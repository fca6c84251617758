/**
 * Which actions a WBS row offers, and in what order its menu (⋯) lists them. Pure, so the table's
 * actions column stays one narrow cell: the frequent action as an icon, the rest in the menu.
 */

/** An action of a WBS row's menu. */
export type RowActionKey =
  | "comments"
  | "chase"
  | "edit"
  | "indicators"
  | "predecessors"
  | "addChild"
  | "delete";

/** What the signed-in user may do on one row (from `useCan` and the row itself). */
export interface RowActionGrants {
  /** Leaders' comments (批示): everyone who sees the task may open its thread. */
  readonly comments: boolean;
  /** 催办: `chases:send`, and the task is neither a summary nor finished. */
  readonly chase: boolean;
  /** Inline edit of the task's fields. */
  readonly edit: boolean;
  /** 支撑指标: the indicators the task advances (who may edit the task). */
  readonly linkIndicators?: boolean;
  /** Plan edits: predecessors. */
  readonly editDependencies: boolean;
  /** Plan edits: add a sub-task, delete. */
  readonly editTasks: boolean;
}

/**
 * The row menu's actions in order: what is read or sent first, plan edits after, delete last.
 * Example: `rowActionKeys({ comments: true, chase: false, edit: true, editDependencies: false, editTasks: false })`
 * is `["comments", "edit"]`.
 */
export function rowActionKeys(g: RowActionGrants): RowActionKey[] {
  const keys: RowActionKey[] = [];
  if (g.comments) keys.push("comments");
  if (g.chase) keys.push("chase");
  if (g.edit) keys.push("edit");
  if (g.linkIndicators) keys.push("indicators");
  if (g.editDependencies) keys.push("predecessors");
  if (g.editTasks) keys.push("addChild", "delete");
  return keys;
}

/** Fields of the inline edit kept to leaves: a summary task's duration spans its children's, and its weight is ignored (weights live on leaves). */
const LEAF_FIELDS: ReadonlySet<string> = new Set(["duration", "weight"]);

/** Whether a WBS row's inline edit offers `field`: every field on a leaf; neither duration nor weight on a summary task. */
export const editsInline = (row: { readonly summary: boolean }, field: string) =>
  !(row.summary && LEAF_FIELDS.has(field));

/** Whether a task is past being chased: finished (done or 100 %). */
export const isFinished = (task: { status: string; percent: number }) =>
  task.status === "done" || task.percent >= 100;

/**
 * Column widths of the WBS table in px. At 1366 px (a 1134 px content area beside the 200 px
 * navigation) the code, title, light, owner, deadline, progress and actions columns together must
 * fit (`FIRST_SCREEN_WIDTH`); the other columns follow behind a horizontal scroll.
 */
export const WBS_WIDTHS = {
  code: 84,
  title: 260,
  light: 116,
  owner: 90,
  deadline: 136,
  percent: 84,
  actions: 112,
  status: 150,
  unit: 140,
  duration: 100,
  lateStart: 110,
  earlyFinish: 110,
  float: 120,
  weight: 80,
} as const;

/** The width the always-visible columns take together, in px. */
export const FIRST_SCREEN_WIDTH =
  WBS_WIDTHS.code +
  WBS_WIDTHS.title +
  WBS_WIDTHS.light +
  WBS_WIDTHS.owner +
  WBS_WIDTHS.deadline +
  WBS_WIDTHS.percent +
  WBS_WIDTHS.actions;
