/**
 * The battle-map page's filters and zoom as URL query parameters, so a link or a reload shows the
 * same map and the browser's back button restores the previous filter. Parsing never throws: a
 * value it does not understand is dropped (an unknown zoom falls back to month).
 *
 * `?zoom=week&tf=tf-01&tf=tf-02&unit=ou-3&person=p-7&light=red&light=yellow&critical=1`
 */
import type { FilterOptions } from "./filter-options";
import { LIGHT_COLORS } from "./lights";
import type { LightColor, Zoom } from "./types";

/** Filter state as the page edits it. */
export interface PageFilter {
  readonly taskForceIds: string[];
  readonly responsibleUnitId: string | null;
  readonly responsiblePersonId: string | null;
  readonly lights: LightColor[];
  readonly criticalOnly: boolean;
}

/** What the URL of the battle-map page holds. */
export interface BattleMapUrlState {
  readonly zoom: Zoom;
  readonly filter: PageFilter;
}

/** The zoom the page opens with; it is left out of the URL. */
export const DEFAULT_ZOOM: Zoom = "month";

/** No filter. */
export const EMPTY_PAGE_FILTER: PageFilter = {
  taskForceIds: [],
  responsibleUnitId: null,
  responsiblePersonId: null,
  lights: [],
  criticalOnly: false,
};

const ZOOMS: readonly Zoom[] = ["week", "month", "quarter"];
const MAX_ID = 100;
const MAX_VALUES = 200;

/** A record id as the URL may carry it: non-empty, no spaces or control characters, not too long. */
function validId(v: string): boolean {
  return v.length > 0 && v.length <= MAX_ID && !/[\s\p{Cc}]/u.test(v);
}

function ids(values: readonly string[]): string[] {
  return [...new Set(values.filter(validId))].slice(0, MAX_VALUES);
}

function oneId(v: string | null): string | null {
  return v !== null && validId(v) ? v : null;
}

/** Reads the page's state from a query string; bad or unknown values are ignored. */
export function parseBattleMapSearch(params: URLSearchParams): BattleMapUrlState {
  const zoom = ZOOMS.find((z) => z === params.get("zoom")) ?? DEFAULT_ZOOM;
  const lights = LIGHT_COLORS.filter((c) => params.getAll("light").includes(c));
  const critical = params.get("critical");
  return {
    zoom,
    filter: {
      taskForceIds: ids(params.getAll("tf")),
      responsibleUnitId: oneId(params.get("unit")),
      responsiblePersonId: oneId(params.get("person")),
      lights,
      criticalOnly: critical === "1" || critical === "true",
    },
  };
}

/** Writes the page's state as a query string; defaults and empty filters are left out. */
export function battleMapSearch(state: BattleMapUrlState): URLSearchParams {
  const out = new URLSearchParams();
  const f = state.filter;
  if (state.zoom !== DEFAULT_ZOOM) out.set("zoom", state.zoom);
  for (const id of ids(f.taskForceIds)) out.append("tf", id);
  const unit = oneId(f.responsibleUnitId);
  if (unit) out.set("unit", unit);
  const person = oneId(f.responsiblePersonId);
  if (person) out.set("person", person);
  for (const c of LIGHT_COLORS) if (f.lights.includes(c)) out.append("light", c);
  if (f.criticalOnly) out.set("critical", "1");
  return out;
}

/**
 * The filter without ids the map does not know (a stale link, a typo): they would otherwise
 * filter everything out and show as raw ids in the selects.
 */
export function knownFilter(filter: PageFilter, options: FilterOptions): PageFilter {
  const has = (list: FilterOptions["units"], id: string | null) =>
    id !== null && list.some((o) => o.value === id);
  const taskForceIds = filter.taskForceIds.filter((id) => has(options.taskForces, id));
  const unit = has(options.units, filter.responsibleUnitId) ? filter.responsibleUnitId : null;
  const person = has(options.persons, filter.responsiblePersonId) ? filter.responsiblePersonId : null;
  if (
    taskForceIds.length === filter.taskForceIds.length &&
    unit === filter.responsibleUnitId &&
    person === filter.responsiblePersonId
  )
    return filter;
  return { ...filter, taskForceIds, responsibleUnitId: unit, responsiblePersonId: person };
}
