import type { TaskIndex } from "./id-index.js";
import { isRecord, type Problems, shown } from "./problems.js";
import { MAX_WORKING_DAYS } from "./read-tasks.js";
import { int32, uint8 } from "./scratch.js";

/** Port bits of a dependency: bit 0 = measured from the predecessor's finish, bit 1 = constrains the successor's finish. */
export const PORT_BITS = { SS: 0, FS: 1, SF: 2, FF: 3 } as const;

/** The dependencies of a schedule file as struct-of-arrays (task indices, lags, port bits). */
export interface DependencyArrays {
  readonly m: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly lag: Int32Array;
  readonly bits: Uint8Array;
  /** Sum of |lag| (bounds every slot value, see read-schedule-input). */
  readonly totalLag: number;
}

function label(d: Record<string, unknown>, i: number): string {
  const f = typeof d.from === "string" ? d.from : "?";
  const t = typeof d.to === "string" ? d.to : "?";
  return `dependency ${f} → ${t} (dependencies[${i}])`;
}

/** Reads and checks `dependencies` in one linear pass; unknown ids name the field. */
export function readDependencies(raw: readonly unknown[], index: TaskIndex, p: Problems): DependencyArrays {
  const m = raw.length;
  const a = {
    m,
    totalLag: 0,
    from: int32(m),
    to: int32(m),
    lag: int32(m),
    bits: uint8(m),
  };
  let lastFrom: unknown;
  let lastFromIndex = -1;
  let lastTo: unknown;
  let lastToIndex = -1;
  for (let i = 0; i < m; i++) {
    const d = raw[i];
    if (!isRecord(d)) {
      p.add("BAD_FILE", `dependencies[${i}]`, `dependencies[${i}]: must be an object, got ${shown(d)}`);
      continue;
    }
    // Files often list several dependencies of one task in a row: remember the last id of each end.
    const fromId = d.from;
    const toId = d.to;
    const from = fromId === lastFrom ? lastFromIndex : typeof fromId === "string" ? index.get(fromId) : -1;
    const to = toId === lastTo ? lastToIndex : typeof toId === "string" ? index.get(toId) : -1;
    lastFrom = fromId;
    lastFromIndex = from;
    lastTo = toId;
    lastToIndex = to;
    if (from < 0)
      p.add("UNKNOWN_TASK", `dependencies[${i}].from`, `${label(d, i)} from: unknown task ${shown(d.from)}`);
    if (to < 0)
      p.add("UNKNOWN_TASK", `dependencies[${i}].to`, `${label(d, i)} to: unknown task ${shown(d.to)}`);
    if (from >= 0 && from === to)
      p.add("CYCLE", `dependencies[${i}]`, `dependency cycle: ${d.from} → ${d.to} (dependencies[${i}])`);
    a.from[i] = Math.max(0, from);
    a.to[i] = Math.max(0, to);
    const type = d.type;
    const bits =
      type == null || type === "FS" ? 1 : type === "SS" ? 0 : type === "FF" ? 3 : type === "SF" ? 2 : -1;
    if (bits < 0)
      p.add(
        "BAD_TYPE",
        `dependencies[${i}].type`,
        `${label(d, i)} type: must be FS, SS, FF or SF, got ${shown(type)}`,
      );
    else a.bits[i] = bits;
    const lag = d.lag ?? 0;
    if (typeof lag === "number" && Number.isInteger(lag) && Math.abs(lag) <= MAX_WORKING_DAYS) {
      a.lag[i] = lag;
      a.totalLag += Math.abs(lag);
    } else
      p.add(
        "BAD_LAG",
        `dependencies[${i}].lag`,
        `${label(d, i)} lag: must be a whole number of working days within ±${MAX_WORKING_DAYS}, got ${shown(lag)}`,
      );
  }
  return a;
}
