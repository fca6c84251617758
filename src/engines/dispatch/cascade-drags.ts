/**
 * The dispatch report's 层层衔接 list: for each indicator split into shares, the shares that pull it
 * down — the units, streets or task forces the supervision office should ring first.
 */
import type { CascadeDrag, CascadeLaggard, DispatchIndicator } from "./types.js";

const round1 = (x: number) => Math.round(x * 10) / 10;

/** How far a share is behind, in points; null when nothing was reported. */
function behindOf(i: DispatchIndicator): number | null {
  if (!i.reading) return null;
  if (i.kind === "rate") {
    const d = i.target - i.reading.actual;
    return i.direction === "up" ? d : -d;
  }
  return i.workProgress === null ? null : i.timeProgress - i.workProgress;
}

/**
 * For every parent among `indicators` (a share names it as `parentId`): its shares that are red, or
 * behind their time (or target) by more than the parent is — the ones that pull the parent's result
 * down (a yellow share ahead of its parent does not). Parents without such a share are left out. Ordered by the parent's code.
 */
export function cascadeDrags(indicators: readonly DispatchIndicator[]): CascadeDrag[] {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const sharesOf = new Map<string, DispatchIndicator[]>();
  for (const i of indicators)
    if (i.parentId && byId.has(i.parentId)) {
      const list = sharesOf.get(i.parentId) ?? [];
      list.push(i);
      sharesOf.set(i.parentId, list);
    }
  const out: CascadeDrag[] = [];
  for (const [parentId, shares] of sharesOf) {
    const parent = byId.get(parentId)!;
    const parentBehind = behindOf(parent) ?? 0;
    const laggards = shares
      .flatMap((s): CascadeLaggard[] => {
        const behind = behindOf(s);
        if (behind === null || !(s.color === "red" || (behind > 0 && behind > parentBehind))) return [];
        return [
          {
            indicatorId: s.id,
            code: s.code,
            holder: s.holder ?? s.code,
            color: s.color,
            actual: s.reading?.actual ?? null,
            target: s.target,
            workProgress: s.workProgress,
            timeProgress: s.timeProgress,
            behind: round1(behind),
          },
        ];
      })
      .sort((a, b) => b.behind - a.behind || (a.code < b.code ? -1 : 1));
    if (laggards.length === 0) continue;
    const zhList = laggards.map((l) => `${l.holder}（落后${l.behind}个百分点）`).join("、");
    const enList = laggards.map((l) => `${l.holder} (${l.behind} points behind)`).join(", ");
    out.push({
      indicatorId: parent.id,
      taskForceId: parent.taskForceId,
      code: parent.code,
      name: parent.name,
      unit: parent.unit,
      color: parent.color,
      laggards,
      text: {
        zh: `指标“${parent.name}”（${parent.code}）被以下分解单位拉低：${zhList}`,
        en: `Indicator ${parent.code} ${parent.name} is pulled down by ${enList}`,
      },
    });
  }
  return out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
