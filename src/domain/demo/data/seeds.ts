import type { DemoDataset } from "../demo-dataset.js";

/** The element arrays of the dataset, mutable while a task force is being built. */
export type Seeds<K extends keyof DemoDataset> = DemoDataset[K] extends readonly (infer T)[] ? T[] : never;
export type TaskSeed = Seeds<"tasks">[number];
export type PersonSeed = Seeds<"persons">[number];

/** Shared context: the status date, people by id and who owns the next task in each unit. */
export interface BuildContext {
  readonly statusDate: string;
  readonly persons: ReadonlyMap<string, PersonSeed>;
  /** Round-robin cursor per unit, so owners spread over a unit's section chiefs. */
  readonly cursor: Map<string, number>;
}

/** Every task force starts on this date. */
export const startDate = "2022-07-01";

/** Id of a task: `t-01-2.2` for WBS 2.2 of task force 01. */
export const taskId = (tf: string, c: string) => `t-${tf}-${c}`;

/** WBS code of the parent (`1.2` for `1.2.3`), or null for a top-level row. */
export const parentCode = (c: string) => (c.includes(".") ? c.slice(0, c.lastIndexOf(".")) : null);
