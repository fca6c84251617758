import type { BuildContext, Seeds, TaskSeed } from "./seeds.js";
import type { TaskForceSpec } from "./types.js";

/** Lead leader, lead, liaison, then every owner of a task or indicator, each once. */
export function membersOf(
  spec: TaskForceSpec,
  tasks: readonly TaskSeed[],
  indicators: Seeds<"indicators">,
  ctx: BuildContext,
): Seeds<"members"> {
  const tf = `tf-${spec.code}`;
  const seen = new Set<string>();
  const out: Seeds<"members"> = [];
  const add = (
    personId: string,
    post: string,
    role: Seeds<"members">[number]["role"],
    duties: string | null,
  ) => {
    if (seen.has(personId)) return;
    seen.add(personId);
    out.push({ id: `m-${spec.code}-${out.length + 1}`, taskForceId: tf, personId, post, role, duties });
  };
  add(spec.leader, "专班组长", "lead_leader", "牵头领导，统筹专班全面工作，主持专班调度会。");
  add(
    spec.lead,
    "专班副组长、专班办公室主任",
    "lead",
    "专班牵头人，编制任务书和作战图，组织周调度、月通报。",
  );
  add(spec.liaison, "专班联络员", "liaison", "收集报送进展和指标数据，对接督查室。");
  for (const [id, duties] of spec.extraMembers ?? []) {
    add(id, `专班成员（${ctx.persons.get(id)?.post ?? "成员"}）`, "member", duties);
  }
  const owners = [...tasks.map((t) => t.responsiblePersonId), ...indicators.map((i) => i.ownerPersonId)];
  for (const id of owners) {
    if (!id) continue;
    const person = ctx.persons.get(id);
    add(id, `专班成员（${person?.post ?? "成员"}）`, "member", "负责所承担任务和指标的推进、报送。");
  }
  return out;
}
