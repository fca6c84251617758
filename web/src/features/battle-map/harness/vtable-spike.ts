/**
 * The vtable-gantt evaluation spike (`BENCH_UI_VTABLE=1 npm run bench:ui`): the same battle map
 * (lights as bar colours, milestones, tree, baseline, links, status-date line) in
 * @visactor/vtable-gantt, to measure its start-up and frame times on the same data and machine.
 * Not part of the app; see docs/web-battle-map.md for the decision.
 */
import { Gantt, type GanttConstructorOptions } from "@visactor/vtable-gantt";
import { get } from "../../../api/client";
import { lightStyle } from "../lights";
import { indexBattleMap } from "../row-model";
import type { BattleMapData, Task, Zoom } from "../types";

interface GanttRecord {
  id: string;
  title: string;
  start: string | null;
  end: string | null;
  progress: number;
  baselineStart: string | null;
  baselineEnd: string | null;
  type?: "milestone" | "project";
  fill: string;
  critical: boolean;
  children?: GanttRecord[];
}

const LINK = {
  FS: "finish_to_start",
  SS: "start_to_start",
  FF: "finish_to_finish",
  SF: "start_to_finish",
} as const;
const SCALES: Record<Zoom, GanttConstructorOptions["timelineHeader"]["scales"]> = {
  week: [
    { unit: "month", step: 1 },
    { unit: "day", step: 1 },
  ],
  month: [
    { unit: "month", step: 1 },
    { unit: "week", step: 1 },
  ],
  quarter: [
    { unit: "quarter", step: 1 },
    { unit: "month", step: 1 },
  ],
};

function records(data: BattleMapData): GanttRecord[] {
  const index = indexBattleMap(data);
  const toRecord = (t: Task): GanttRecord => {
    const kids = index.children.get(t.id);
    return {
      id: t.id,
      title: `${t.code} ${t.title}`,
      start: t.earlyStart,
      end: t.earlyFinish,
      progress: t.percent,
      baselineStart: t.baselineStart,
      baselineEnd: t.baselineFinish,
      ...(t.duration === 0 ? { type: "milestone" as const } : {}),
      fill: lightStyle(index.lights.get(t.id)!.color, "light", "zh").fill,
      critical: t.critical === true,
      ...(kids ? { children: kids.map(toRecord) } : {}),
    };
  };
  return index.taskForces.map((tf) => ({
    id: tf.id,
    title: `${tf.code} ${tf.name}`,
    start: tf.startDate,
    end: tf.deadline,
    progress: 0,
    baselineStart: null,
    baselineEnd: null,
    type: "project" as const,
    fill: lightStyle(index.forceLights.get(tf.id)!.color, "light", "zh").fill,
    critical: false,
    children: (index.roots.get(tf.id) ?? []).map(toRecord),
  }));
}

const data = await get<BattleMapData>("/battle-map");
const container = document.getElementById("gantt")!;
const gantt = new Gantt(container, {
  records: records(data),
  taskKeyField: "id",
  taskListTable: {
    columns: [{ field: "title", title: "专班 / 任务", width: 320, tree: true }],
    tableWidth: 340,
    hierarchyExpandLevel: 10,
  },
  timelineHeader: { colWidth: 42, scales: SCALES.month },
  taskBar: {
    startDateField: "start",
    endDateField: "end",
    progressField: "progress",
    baselineStartDateField: "baselineStart",
    baselineEndDateField: "baselineEnd",
    baselinePosition: "bottom",
    barStyle: ({ taskRecord }) => ({
      barColor: taskRecord.fill,
      completedBarColor: "rgba(0,0,0,0.25)",
      borderColor: taskRecord.critical ? "#a4133c" : undefined,
      borderLineWidth: taskRecord.critical ? 2 : 0,
      width: 14,
      cornerRadius: 3,
    }),
  },
  dependency: {
    links: data.dependencies.map((d) => ({
      type: LINK[d.type] as never,
      linkedFromTaskKey: d.predecessorId,
      linkedToTaskKey: d.successorId,
    })),
  },
  markLine: [{ date: data.statusDate, content: `状态日 ${data.statusDate}`, scrollToMarkLine: true }],
  rowHeight: 28,
  headerRowHeight: 26,
  minDate: "2022-06-01",
  maxDate: "2023-01-31",
});
const w = window as unknown as { __zoom: (z: Zoom) => void };
w.__zoom = (z) => gantt.updateScales(SCALES[z]);
requestAnimationFrame(() =>
  requestAnimationFrame(() => {
    container.setAttribute("data-battle-map", "");
    container.setAttribute("data-ready", "true");
    performance.mark("battle-map-ready");
  }),
);
