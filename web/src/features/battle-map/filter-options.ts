/**
 * Options of the page's filters, from the battle map and the names of units and people:
 * only units and people that are responsible for some task, sorted by name.
 */
import type { BattleMapData } from "./types";

/** One option of a select. */
export interface FilterOption {
  readonly value: string;
  readonly label: string;
}

/** The options of the task-force, unit and person filters. */
export interface FilterOptions {
  readonly taskForces: readonly FilterOption[];
  readonly units: readonly FilterOption[];
  readonly persons: readonly FilterOption[];
}

/** Builds the filter options; unknown ids are labelled by their id. */
export function buildFilterOptions(
  data: BattleMapData,
  unitNames: ReadonlyMap<string, string>,
  personNames: ReadonlyMap<string, string>,
  lang: "zh" | "en",
): FilterOptions {
  // An outline holds few of the tasks: every unit and person named is an option.
  const units = new Set<string>(data.outline ? unitNames.keys() : []);
  const persons = new Set<string>(data.outline ? personNames.keys() : []);
  for (const t of data.tasks) {
    if (t.responsibleUnitId) units.add(t.responsibleUnitId);
    if (t.responsiblePersonId) persons.add(t.responsiblePersonId);
  }
  const collator = new Intl.Collator(lang === "zh" ? "zh-CN" : "en");
  const options = (ids: Set<string>, names: ReadonlyMap<string, string>) =>
    [...ids]
      .map((id) => ({ value: id, label: names.get(id) ?? id }))
      .sort((a, b) => collator.compare(a.label, b.label));
  return {
    taskForces: [...data.taskForces]
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
      .map((tf) => ({ value: tf.id, label: `${tf.code} ${tf.name}` })),
    units: options(units, unitNames),
    persons: options(persons, personNames),
  };
}

/** The path that opens a task in its task force's workspace. */
export function taskPath(data: BattleMapData, taskId: string): string | null {
  const task = data.tasks.find((t) => t.id === taskId);
  if (!task) return null;
  return `/task-forces/${encodeURIComponent(task.taskForceId)}?task=${encodeURIComponent(taskId)}`;
}
