/**
 * Hooks: a lead's plan edits of one task force — create and delete tasks, dependencies, members
 * and indicators, edit a member or a dependency. Each body is validated with the shared zod
 * create/update schema before it is sent; on success the task force, its lights, the battle map,
 * the overview and the check are refreshed (the server has re-scheduled the task force).
 */
import { useMutation, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { indicatorSchemas } from "../../../../src/shared/api/indicators";
import { memberSchemas } from "../../../../src/shared/api/task-forces";
import { dependencySchemas, taskSchemas } from "../../../../src/shared/api/tasks";
import {
  createDependency,
  createIndicator,
  createMember,
  createTask,
  deletePlanRecord,
  fetchOrgUnits,
  fetchPlanRecord,
  type PlanResource,
  patchPlanRecord,
} from "../../api/data";
import type { TaskForceFull } from "../../api/types";
import { useNames } from "../../hooks/use-data";
import { useRefreshAll } from "../../hooks/use-mutations";
import { parseOrThrow } from "../../hooks/validate";
import type { PlanErrorContext } from "./plan-errors";

/** Creates a task (新增任务). */
export function useCreateTask() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => createTask(parseOrThrow(taskSchemas.create, body)),
    onSuccess: refresh,
  });
}

/** Adds a dependency (前置任务); a cycle is refused with 422 DEPENDENCY_CYCLE. */
export function useCreateDependency() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      createDependency(parseOrThrow(dependencySchemas.create, body)),
    onSuccess: refresh,
  });
}

/** Adds a member on a post. */
export function useCreateMember() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => createMember(parseOrThrow(memberSchemas.create, body)),
    onSuccess: refresh,
  });
}

/** The update schemas of the plan records edited in place. */
const UPDATE_SCHEMAS = { members: memberSchemas.update, dependencies: dependencySchemas.update } as const;

/**
 * Changes a member (post, role, duties) or a dependency (type, lag) with the record's version;
 * after a 409 STALE_VERSION `reapply` sends the same changes with the record's latest version.
 */
export function usePatchPlanRecord(resource: keyof typeof UPDATE_SCHEMAS) {
  const refresh = useRefreshAll();
  const m = useMutation({
    mutationFn: (v: { id: string; body: Record<string, unknown> & { version: number } }) =>
      patchPlanRecord(resource, v.id, parseOrThrow(UPDATE_SCHEMAS[resource], v.body)),
    onSuccess: refresh,
  });
  const reapply = async (options?: { onSuccess?: () => void }) => {
    const v = m.variables;
    if (!v) return;
    const latest = await fetchPlanRecord(resource, v.id);
    m.mutate({ id: v.id, body: { ...v.body, version: latest.version } }, options);
  };
  return { ...m, reapply };
}

/** Adds an indicator. */
export function useCreateIndicator() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      createIndicator(parseOrThrow(indicatorSchemas.create, body)),
    onSuccess: refresh,
  });
}

/**
 * Deletes a task, dependency, member or indicator at the version shown (409 when in use or
 * changed); after a 409 STALE_VERSION `reapply` deletes it at its latest version.
 */
export function useDeletePlanRecord() {
  const refresh = useRefreshAll();
  const m = useMutation({
    mutationFn: (v: { resource: PlanResource; id: string; version: number }) =>
      deletePlanRecord(v.resource, v.id, v.version),
    onSuccess: refresh,
  });
  const reapply = async () => {
    const v = m.variables;
    if (!v) return;
    const latest = await fetchPlanRecord(v.resource, v.id);
    m.mutate({ ...v, version: latest.version });
  };
  return { ...m, reapply };
}

/** Org units for the responsible-unit picker (same cache entry as the names lookup). */
export function useOrgUnits() {
  return useQuery({ queryKey: ["org-units"], queryFn: fetchOrgUnits, staleTime: 10 * 60_000 });
}

/** "WBS 标题" of a task. */
export const taskLabel = (t: { code: string; title: string }) => `${t.code} ${t.title}`;

/** "姓名（岗位）" of a person in the plan's pickers, or the name alone without a post. */
export const personLabel = (p: { name: string; post: string | null }) =>
  p.post ? `${p.name}（${p.post}）` : p.name;

/**
 * Names for plan errors from the task force's own records: task labels, which records still
 * refer to a task (children, dependencies, indicators, supervision items) by the error's path, the
 * task force, and the person of a member edit. `subject` is the task or member the edit was about.
 */
export function usePlanErrorContext(full: TaskForceFull, subject: string | null): PlanErrorContext {
  const names = useNames();
  return useMemo(() => {
    const member = full.members.find((m) => m.id === subject);
    const byId = new Map(full.tasks.map((t) => [t.id, t]));
    const label = (id: string) => {
      const t = byId.get(id);
      return t ? taskLabel(t) : undefined;
    };
    const examples = (path: string): string[] => {
      if (!subject) return [];
      const names = (ids: string[]) => ids.map((id) => label(id) ?? id);
      switch (path) {
        case "tasks.parentId":
          return names(full.tasks.filter((t) => t.parentId === subject).map((t) => t.id));
        case "dependencies.predecessorId":
          return names(
            full.dependencies.filter((d) => d.predecessorId === subject).map((d) => d.successorId),
          );
        case "dependencies.successorId":
          return names(
            full.dependencies.filter((d) => d.successorId === subject).map((d) => d.predecessorId),
          );
        case "indicators.taskId":
          return full.indicators.filter((i) => i.taskId === subject).map((i) => `${i.code} ${i.name}`);
        case "supervision-items.taskId":
          return full.supervisionItems.filter((s) => s.taskId === subject).map((s) => s.code);
        default:
          return [];
      }
    };
    return {
      taskLabel: label,
      examples,
      taskForce: `${full.taskForce.code} ${full.taskForce.name}`,
      person: member ? names.person(member.personId) : undefined,
    };
  }, [full, subject, names]);
}
