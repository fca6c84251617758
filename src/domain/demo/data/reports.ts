import type { DemoDataset } from "../demo-dataset.js";
import { slotOnOrAfter, slotOnOrBefore } from "./calendar.js";
import { mulberry32, pick } from "./prng.js";
import type { TaskRow } from "./types.js";

type TaskSeed = DemoDataset["tasks"][number];
type ReportSeed = DemoDataset["progressReports"][number];

const progressLines = [
  (t: string, p: number) => `${t}按计划推进，本周召开专题推进会1次，累计完成${p}%。`,
  (t: string, p: number) => `${t}已建立工作台账，逐项明确责任人和完成时限，累计完成${p}%。`,
  (t: string, p: number) => `${t}：本周现场调度2次，协调解决具体问题3个，累计完成${p}%。`,
  (t: string, p: number) => `${t}有序推进，已向专班办公室报送阶段性成果，累计完成${p}%。`,
];
const lagProblems = [
  "受7月下旬连续降雨影响，现场施工进度滞后。",
  "部分企业负责人出差，走访对接时间推迟。",
  "相关审批要件尚未齐备，需上级主管部门指导。",
  "资金拨付流程较长，影响后续工作开展。",
];
const lagRequests = [
  "请专班协调财政局加快资金拨付。",
  "请专班牵头领导召开专题调度会协调解决。",
  "请自然资源分局、住建局并联办理相关手续。",
  "请督查室将该事项纳入周调度重点跟踪。",
];

const mmdd = (d: string) => d.slice(5).replace("-", "");

/**
 * Progress reports of a task force's leaves: tasks done since August (and claimed ones) report on their finish day;
 * tasks in progress report in the dispatch round of the status date — except rows marked `nr`,
 * whose latest report is from 2022-08-05 — and tasks off plan also in the round of late July.
 * The latest report of a task always carries the task's percent.
 */
export function reportsFor(
  rows: readonly TaskRow[],
  tasks: readonly TaskSeed[],
  statusDate: string,
): ReportSeed[] {
  const out: ReportSeed[] = [];
  rows.forEach((row, i) => {
    const task = tasks[i];
    if (!task || !row.d || !task.actualStart) return;
    const rand = mulberry32(task.id.length * 131 + i);
    const report = (date: string, percent: number, last: boolean): ReportSeed => {
      const behind = last && (row.s === "b15" || row.s === "b25" || row.s === "late");
      return {
        id: `pr-${task.id.slice(2)}-${mmdd(date)}`,
        taskId: task.id,
        reportDate: date,
        percent,
        narrative:
          percent === 100
            ? `${task.title}已完成，成果材料已报专班办公室备案。`
            : pick(rand, progressLines)(task.title, percent),
        problems: row.q ?? (behind ? pick(rand, lagProblems) : null),
        coordination: row.h ?? (behind ? pick(rand, lagRequests) : null),
        evidence:
          percent === 100
            ? [`${task.code}-完成情况报告.pdf`]
            : [`${task.code}-推进台账-${mmdd(date)}.xlsx`, `现场照片-${mmdd(date)}.jpg`],
        reportedById: task.responsiblePersonId ?? null,
      };
    };
    // A claimed completion rests on its 100 % report, however long ago it finished.
    if (
      task.status === "done" &&
      task.actualFinish &&
      (task.actualFinish >= "2022-08-01" || row.s === "claimed")
    ) {
      out.push(report(task.actualFinish, 100, true));
    }
    if (task.status !== "in_progress") return;
    const latest = row.nr ? "2022-08-05" : statusDate;
    if (task.actualStart > latest) return;
    const start = slotOnOrAfter(task.actualStart);
    const earlier = "2022-07-29";
    if (row.s && task.actualStart <= "2022-07-22" && (task.percent ?? 0) > 10) {
      const share = (slotOnOrBefore(earlier) - start + 1) / (slotOnOrBefore(latest) - start + 1);
      out.push(report(earlier, Math.max(1, Math.round((task.percent ?? 0) * share)), false));
    }
    out.push(report(latest, task.percent ?? 0, true));
  });
  return out;
}
