/**
 * Pure option lists of the organisation pickers: units and goals in tree order (a parent before
 * its children), people by unit; each option's label is what the picker's search matches.
 */
import type { Goal } from "../../../../src/shared/api/goals";
import type { OrgUnit, Person } from "../../api/types";
import { buildTree, flattenTree } from "./org-tree";

/** One option of an antd Select. */
export interface PickOption {
  readonly value: string;
  readonly label: string;
}

/** Units by `sort`, then code: the order of the tree and of every unit picker. */
export const compareUnits = (a: OrgUnit, b: OrgUnit) =>
  a.sort - b.sort || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** Goals by code within their parent. */
export const compareGoals = (a: Goal, b: Goal) => a.code.localeCompare(b.code, "en", { numeric: true });

/** "名称（编号）" of a unit. */
export const unitLabel = (u: Pick<OrgUnit, "name" | "code">) => `${u.name}（${u.code}）`;

/** "编号 名称" of a goal. */
export const goalLabel = (g: Pick<Goal, "code" | "title">) => `${g.code} ${g.title}`;

/** "姓名（单位 岗位）" of a person; the parts it lacks left out. */
export function personLabel(p: Pick<Person, "name" | "post">, unitName: string | undefined): string {
  const about = [unitName, p.post].filter(Boolean).join(" ");
  return about ? `${p.name}（${about}）` : p.name;
}

/** Units in tree order, leaving out `exclude` (a unit being moved and everything below it). */
export function unitOptions(
  units: readonly OrgUnit[],
  exclude: ReadonlySet<string> = new Set(),
): PickOption[] {
  return flattenTree(buildTree(units, compareUnits))
    .filter((u) => !exclude.has(u.id))
    .map((u) => ({ value: u.id, label: unitLabel(u) }));
}

/** Goals in tree order, leaving out `exclude`. */
export function goalOptions(goals: readonly Goal[], exclude: ReadonlySet<string> = new Set()): PickOption[] {
  return flattenTree(buildTree(goals, compareGoals))
    .filter((g) => !exclude.has(g.id))
    .map((g) => ({ value: g.id, label: goalLabel(g) }));
}

/** People, those of `firstUnitId` first (a unit's head is usually one of its own), then by unit order. */
export function personOptions(
  persons: readonly Person[],
  units: readonly OrgUnit[],
  firstUnitId: string | null = null,
): PickOption[] {
  const order = new Map(unitOptions(units).map((o, i) => [o.value, i]));
  const names = new Map(units.map((u) => [u.id, u.name]));
  const rank = (p: Person) =>
    p.orgUnitId === firstUnitId && firstUnitId !== null ? -1 : (order.get(p.orgUnitId ?? "") ?? order.size);
  return [...persons]
    .sort((a, b) => rank(a) - rank(b))
    .map((p) => ({ value: p.id, label: personLabel(p, names.get(p.orgUnitId ?? "")) }));
}
