/**
 * What the sheet planners share: the problems and changes found so far, and the codes and names
 * resolved to ids (stored records first, then the workbook's new ones).
 */
import { type LedgerProblem, type LedgerRow, problem, type ReadLedger } from "../read-ledger.js";
import type { SheetKey } from "../sheets.js";
import type { ExistingRecords, Id, Versioned } from "./existing.js";

export type ChangeAction = "create" | "update" | "unchanged";

/** One record the import creates, updates or finds unchanged. */
export interface PlannedChange {
  readonly sheet: SheetKey;
  readonly row: number;
  readonly action: ChangeAction;
  readonly id: Id;
  /** A readable name of the record: its code(s) or name. */
  readonly label: string;
  /** The task force the record belongs to (for scope), null for units and people. */
  readonly taskForceId: Id | null;
  /** create: the whole create input; update: only the fields that change; unchanged: {}. */
  readonly fields: Readonly<Record<string, unknown>>;
  /** The stored version an update applies to. */
  readonly version?: number;
  /** Field (API name) → column letters of the row, to place a later refusal. */
  readonly columns: Readonly<Record<string, string>>;
  /** A new supervision item's progress as the ledger records it (its state, rectification …). */
  readonly recorded?: Readonly<Record<string, unknown>>;
}

export const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
export const num = (v: unknown): number | null => (typeof v === "number" ? v : null);

/** Equal as stored values: arrays by content, objects by their JSON, numbers and strings as they are. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined) return b === null;
  if (b === undefined) return a === null;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (a && b && typeof a === "object" && typeof b === "object")
    return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
  return false;
}
const sortKeys = (o: object) => Object.fromEntries(Object.entries(o).sort(([x], [y]) => (x < y ? -1 : 1)));

/** The key of a record named by its task force and code (tasks, indicators). */
export const inTaskForce = (taskForceId: Id, code: string) => `${taskForceId}\u0000${code}`;

/** A planned change's particulars beyond the row and the stored record. */
export interface Planned {
  readonly fields: Record<string, unknown>;
  readonly label: string;
  readonly taskForceId: Id | null;
  /** Field → column key where they differ (a field names its own column otherwise). */
  readonly columns?: Readonly<Record<string, string>>;
  /** The id a new record gets when the planner chose it already (something refers to it). */
  readonly id?: Id;
}

export class Planner {
  readonly problems: LedgerProblem[] = [];
  readonly changes: PlannedChange[] = [];
  /** Units by code. */
  readonly units = new Map<string, Id>();
  /** People with the unit they belong to (for 姓名（单位编码）). */
  readonly persons: { id: Id; name: string; unitCode: string | null }[] = [];
  /** Task forces by code. */
  readonly taskForces = new Map<string, Id>();
  /** Tasks by {@link inTaskForce}(task force, WBS code). */
  readonly tasks = new Map<string, Id>();
  /** Task forces' indicators by {@link inTaskForce}(task force, code), stored and new. */
  readonly indicators = new Map<string, Id>();
  /** District-level indicators by code (stored only: the ledger has no rows of them). */
  readonly districtIndicators = new Map<string, Id>();

  constructor(
    readonly ledger: ReadLedger,
    readonly existing: ExistingRecords,
    readonly newId: () => Id,
  ) {
    for (const u of existing.units) this.units.set(u.code, u.id);
    const unitCode = new Map(existing.units.map((u) => [u.id, u.code]));
    for (const p of existing.persons)
      this.persons.push({
        id: p.id,
        name: p.name,
        unitCode: p.orgUnitId ? (unitCode.get(p.orgUnitId) ?? null) : null,
      });
    for (const t of existing.taskForces) this.taskForces.set(t.code, t.id);
    for (const t of existing.tasks) this.tasks.set(inTaskForce(t.taskForceId, t.code), t.id);
    for (const i of existing.indicators) this.indicators.set(inTaskForce(i.taskForceId, i.code), i.id);
    for (const i of existing.districtIndicators) this.districtIndicators.set(i.code, i.id);
  }

  /** Records a problem at a row's column (by column key). */
  at(
    sheet: SheetKey,
    r: LedgerRow,
    column: string | null,
    key: string,
    params: Record<string, string | number | null>,
    message: string,
  ): void {
    const letters = column ? (r.columns[column] ?? null) : null;
    this.problems.push(problem(this.ledger.sheetNames[sheet], r.row, letters, key, params, message));
  }

  unknown(sheet: SheetKey, r: LedgerRow, column: string, what: string, code: string): void {
    this.at(
      sheet,
      r,
      column,
      "ledgerUnknownCode",
      { what, code },
      `no ${what} with code "${code}" in the workbook or the system`,
    );
  }

  /** Plans a row's record: created when nothing is stored, else updated by the fields that differ. */
  plan(sheet: SheetKey, r: LedgerRow, stored: Versioned | undefined, p: Planned): Id {
    const id = stored?.id ?? p.id ?? this.newId();
    const columns: Record<string, string> = {};
    for (const field of Object.keys(p.fields)) {
      const letters = r.columns[p.columns?.[field] ?? field];
      if (letters) columns[field] = letters;
    }
    const base = { sheet, row: r.row, id, label: p.label, taskForceId: p.taskForceId, columns };
    if (!stored) this.changes.push({ ...base, action: "create", fields: p.fields });
    else {
      const before = stored as unknown as Readonly<Record<string, unknown>>;
      const fields: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(p.fields)) if (!same(before[k], v)) fields[k] = v;
      const action = Object.keys(fields).length ? "update" : "unchanged";
      this.changes.push({ ...base, action, fields, version: stored.version });
    }
    return id;
  }

  /** A unit named by code in `column`: null when empty, undefined (and a problem) when unknown. */
  unitId(sheet: SheetKey, r: LedgerRow, column: string): Id | null | undefined {
    const code = str(r.values[column]);
    if (!code) return null;
    const id = this.units.get(code);
    if (!id) this.unknown(sheet, r, column, "unit", code);
    return id;
  }

  /** A person named in `column` (姓名, or 姓名（单位编码） when two share it); as {@link unitId}. */
  personId(sheet: SheetKey, r: LedgerRow, column: string): Id | null | undefined {
    const text = str(r.values[column]);
    if (!text) return null;
    const m = /^(.+?)\s*[（(]\s*([^）)]+)\s*[）)]$/.exec(text);
    const name = m ? m[1]! : text;
    const fits = this.persons.filter((p) => p.name === name && (!m || p.unitCode === m[2]));
    if (fits.length === 1) return fits[0]!.id;
    if (fits.length === 0)
      this.at(
        sheet,
        r,
        column,
        "ledgerUnknownPerson",
        { name: text },
        `no person named "${text}" in the workbook or the system`,
      );
    else
      this.at(
        sheet,
        r,
        column,
        "ledgerAmbiguousPerson",
        { name, units: fits.map((p) => p.unitCode ?? "—").join("、") },
        `${fits.length} people are named "${name}": write the name with the unit code, e.g. ${name}（${fits[0]!.unitCode ?? ""}）`,
      );
    return undefined;
  }

  /** The task force the row names by code; undefined (and a problem) when unknown. */
  taskForceId(sheet: SheetKey, r: LedgerRow): Id | undefined {
    const code = r.values.taskForceCode as string;
    const id = this.taskForces.get(code);
    if (!id) this.unknown(sheet, r, "taskForceCode", "task force", code);
    return id;
  }

  /** A task of `taskForceId` named by WBS code in `column`: null when empty, undefined when unknown. */
  taskId(
    sheet: SheetKey,
    r: LedgerRow,
    taskForceId: Id,
    column: string,
    what = "task",
  ): Id | null | undefined {
    const code = str(r.values[column]);
    if (!code) return null;
    const id = this.tasks.get(inTaskForce(taskForceId, code));
    if (!id) this.unknown(sheet, r, column, what, code);
    return id;
  }
}

/**
 * An indicator named by code from a row of `taskForceId`: the task force's own first, else a
 * district-level one; undefined (and a problem at `column`) when neither has the code.
 */
export function indicatorByCode(
  p: Planner,
  sheet: SheetKey,
  r: LedgerRow,
  taskForceId: Id,
  column: string,
  code: string,
): Id | undefined {
  const id = p.indicators.get(inTaskForce(taskForceId, code)) ?? p.districtIndicators.get(code);
  if (!id) p.unknown(sheet, r, column, "indicator", code);
  return id;
}

/**
 * Reports the cycles of the rows' 上级 codes (`parentCode`), within each task force (codes repeat
 * across task forces), at a row that closes each: "the parent tasks form a cycle: 1 → 2 → 1".
 */
export function parentCycles(
  p: Planner,
  sheet: SheetKey,
  rows: readonly { r: LedgerRow; tf: Id }[],
  what: string,
): void {
  for (const tf of new Set(rows.map((x) => x.tf)))
    checkTreeCycles(
      rows
        .filter((x) => x.tf === tf)
        .map(({ r }) => ({ row: r, code: r.values.code as string, parent: str(r.values.parentCode) })),
      (r, codes) =>
        p.at(sheet, r, "parentCode", "ledgerCycle", { codes }, `the parent ${what} form a cycle: ${codes}`),
    );
}

/** Rows whose parent chain (by code, within the rows) returns to themselves. */
export function checkTreeCycles(
  nodes: readonly { row: LedgerRow; code: string; parent: string | null }[],
  report: (row: LedgerRow, codes: string) => void,
): void {
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  const reported = new Set<string>();
  for (const n of nodes) {
    const chain: string[] = [n.code];
    let at = n.parent ? byCode.get(n.parent) : undefined;
    while (at && !chain.includes(at.code) && chain.length <= nodes.length) {
      chain.push(at.code);
      at = at.parent ? byCode.get(at.parent) : undefined;
    }
    if (at && at.code === n.code && !reported.has(n.code)) {
      for (const c of chain) reported.add(c);
      report(n.row, [...chain, n.code].join(" → "));
    }
  }
}
