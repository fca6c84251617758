import { type BuildContext, buildTaskForce } from "./data/build-task-force.js";
import { buildDistrictIndicators } from "./data/district-indicators.js";
import { buildGoals } from "./data/goals.js";
import { buildOrgUnits, buildPersons, buildUnitHeads, buildUsers } from "./data/org.js";
import { buildSupervisionItems } from "./data/supervision.js";
import { taskForceSpecs } from "./data/task-forces.js";
import type { DemoDataset } from "./demo-dataset.js";

/** The status date the demo's states, reports and readings are written for. */
export const demoStatusDate = "2022-08-15";

/**
 * The demo district 示范区 (see docs/demo.md): its org tree, people, six accounts, goal cascade,
 * 10 task forces with battle maps, indicators (five of them cascaded district → task force →
 * street), progress reports, supervision items and a handful of planted five-ization and cascade
 * gaps. Pure and deterministic: every call returns equal, fresh data.
 */
export function buildDemoDataset(): DemoDataset {
  const orgUnits = buildOrgUnits();
  const persons = buildPersons();
  const ctx: BuildContext = {
    statusDate: demoStatusDate,
    persons: new Map(persons.map((p) => [p.id, p])),
    cursor: new Map(),
  };
  const forces = taskForceSpecs.map((spec) => buildTaskForce(spec, ctx));
  const tasks = forces.flatMap((f) => f.tasks);
  return {
    organisation: "示范区",
    statusDate: demoStatusDate,
    orgUnits,
    persons,
    unitHeads: buildUnitHeads(),
    users: buildUsers(persons),
    goals: buildGoals(),
    taskForces: forces.map((f) => f.taskForce),
    members: forces.flatMap((f) => f.members),
    tasks,
    dependencies: forces.flatMap((f) => f.dependencies),
    indicators: [
      ...buildDistrictIndicators(),
      ...forces.flatMap((f) => f.indicators),
      ...forces.flatMap((f) => f.shares),
    ],
    readings: forces.flatMap((f) => f.readings),
    progressReports: forces.flatMap((f) => f.progressReports),
    supervisionItems: buildSupervisionItems(tasks),
    plantedGaps: forces.flatMap((f) => f.plantedGaps),
    plantedCascadeGaps: forces.flatMap((f) => f.plantedCascadeGaps),
    plantedClaims: forces.flatMap((f) => f.plantedClaims),
  };
}
