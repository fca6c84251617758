/**
 * Wire and view types of the battle map (作战图). The wire shape is the API's `BattleMap` plus the
 * optional `lights` block; everything else here is derived by the pure builders of this folder.
 */
import type { z } from "zod";
import type { battleMap, battleMapOutline } from "../../../../src/shared/api/schedule";
import type { Dependency, Task } from "../../../../src/shared/api/tasks";

export type { Dependency, Task };

/** A light colour (亮灯): grey = not yet due, blue = done. */
export type LightColor = "red" | "yellow" | "green" | "grey" | "blue";

/** One reason behind a light, with its text in both languages. */
export interface LightReason {
  readonly code: string;
  readonly params?: Record<string, unknown>;
  readonly text: { readonly zh: string; readonly en: string };
}

/** A light with the reasons that produced it. */
export interface Light {
  readonly color: LightColor;
  readonly reasons: readonly LightReason[];
}

/** The `lights` block of `GET /battle-map` (optional until the backend sends it). */
export interface BattleMapLights {
  readonly tasks: Readonly<Record<string, Light>>;
  readonly taskForces: Readonly<Record<string, Light>>;
}

/** What `GET /api/v1/battle-map` answers (`lights` optional: colours fall back to the status). */
type Wire = z.output<typeof battleMap>;
type OutlineWire = z.output<typeof battleMapOutline>;
/**
 * What the map draws of a task force: the outline's brief (the whole map's task forces carry more,
 * which the map does not read).
 */
export type BattleMapTaskForce = OutlineWire["taskForces"][number];
export type BattleMapData = Omit<
  Wire,
  "lights" | "baselineNumbers" | "compared" | "pendingExtensions" | "taskForces" | "outline"
> & {
  readonly taskForces: readonly BattleMapTaskForce[];
  /** Set when drawn from the outline: each task force's tasks folded. */
  readonly outline?: OutlineWire["outline"];
  readonly lights?: BattleMapLights;
  /** Pending 延期申请 by task id (optional: older answers and test data lack it). */
  readonly pendingExtensions?: Wire["pendingExtensions"];
  readonly baselineNumbers?: Wire["baselineNumbers"];
  readonly compared?: Wire["compared"];
  /**
   * A map drawn from the outline (`outline` set): the task forces whose tasks are in `tasks`. The
   * others are drawn folded, from their outline, until their tasks arrive.
   */
  readonly loadedTaskForceIds?: readonly string[];
};

/** One task force's tasks folded into its row (the outline of a large organisation's map). */
export type TaskForceOutline = OutlineWire["outline"][string];

/** A pending 延期申请 of a task as the battle map receives it. */
export type PendingExtension = Wire["pendingExtensions"][string];

/** Baselines drawn beside the current plan: per number, each task's planned start and finish. */
export type ComparedBaselines = Wire["compared"];

/** UI language. */
export type Lang = "zh" | "en";

/** Zoom level of the time axis. */
export type Zoom = "week" | "month" | "quarter";

/** Colour theme: dark is the big screen (大屏). */
export type Theme = "light" | "dark";

/** Calendar day number: days since 1970-01-01 (UTC), so day arithmetic is integer arithmetic. */
export type DayNumber = number;

/** Filters of the battle map; absent or empty fields do not filter. */
export interface BattleMapFilter {
  readonly taskForceIds?: readonly string[];
  readonly responsibleUnitId?: string | null;
  readonly responsiblePersonId?: string | null;
  readonly lights?: readonly LightColor[];
  readonly criticalOnly?: boolean;
}
