import type { DemoDataset } from "../../src/domain/demo/demo-dataset.js";

type Seed = { readonly id: string } & Record<string, unknown>;

/**
 * The demo district with its task forces copied `factor` times (copy k gets ids and codes
 * suffixed `-k<k>`); org units, people, accounts, goals and district-level indicators are shared.
 * References among copied records point to the same copy, so each copy is a complete, valid task
 * force; every copy's shares of a district-level indicator roll up into the one shared indicator.
 */
export function scaleDemo(data: DemoDataset, factor: number): DemoDataset {
  if (factor <= 1) return data;
  // District-level indicators have no task force: copied, their codes would clash (unique per task force).
  const district = data.indicators.filter((i) => i.taskForceId === null);
  const ofTaskForces = data.indicators.filter((i) => i.taskForceId !== null);
  const copied = [
    data.taskForces,
    data.members,
    data.tasks,
    data.dependencies,
    ofTaskForces,
    data.readings,
    data.progressReports,
    data.supervisionItems,
  ] as unknown as Seed[][];
  const ids = new Set(copied.flatMap((list) => list.map((r) => r.id)));
  const copy = <T>(list: readonly T[], k: number, codeField?: string): T[] =>
    (list as unknown as Seed[]).map((r) => {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(r)) {
        if (typeof value === "string" && ids.has(value)) out[key] = `${value}-k${k}`;
        else if (Array.isArray(value))
          out[key] = value.map((v) => (typeof v === "string" && ids.has(v) ? `${v}-k${k}` : v));
        else out[key] = value;
      }
      if (codeField) out[codeField] = `${r[codeField]}-${k}`;
      return out as T;
    });
  const times = <T>(list: readonly T[], codeField?: string): T[] => [
    ...list,
    ...Array.from({ length: factor - 1 }, (_, i) => copy(list, i + 2, codeField)).flat(),
  ];
  return {
    ...data,
    taskForces: times(data.taskForces, "code"),
    members: times(data.members),
    tasks: times(data.tasks),
    dependencies: times(data.dependencies),
    indicators: [...district, ...times(ofTaskForces)],
    readings: times(data.readings),
    progressReports: times(data.progressReports),
    supervisionItems: times(data.supervisionItems, "code"),
  };
}
