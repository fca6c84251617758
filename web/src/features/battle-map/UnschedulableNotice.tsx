import { Alert } from "antd";
import { unschedulableTaskForces } from "./schedule-problems";
import type { BattleMapData, Lang } from "./types";

/**
 * A warning above the battle map naming each task force whose plan cannot be scheduled and why,
 * so that missing dates are never mistaken for a plan that is on time.
 */
export function UnschedulableNotice({ data, lang }: { data: Pick<BattleMapData, "taskForces">; lang: Lang }) {
  const broken = unschedulableTaskForces(data, lang);
  if (broken.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="unschedulable"
      title={
        lang === "zh"
          ? `${broken.length} 个专班的计划无法排程，其任务暂无计划日期、时差和关键环节，请修改后重新排程`
          : `The plan of ${broken.length} task force(s) cannot be scheduled: their tasks have no planned dates, float or critical chain until it is mended`
      }
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {broken.map((b) => (
            <li key={b.id} data-unschedulable={b.id}>
              <strong>{b.title}</strong>
              {lang === "zh" ? "：" : ": "}
              {b.lines.join(lang === "zh" ? "；" : "; ")}
            </li>
          ))}
        </ul>
      }
    />
  );
}
