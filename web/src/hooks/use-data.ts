/** Hooks: the read queries of the pages (react-query; lookups cached for the session). */
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import {
  fetchCheck,
  fetchIndicators,
  fetchOrgUnits,
  fetchOverview,
  fetchOverviewIndicators,
  fetchOverviewSummary,
  fetchPersons,
  fetchProgressReports,
  fetchSettings,
  fetchSupervisionItems,
  fetchTaskForceFull,
  fetchTaskForceLights,
  fetchTaskForces,
  fetchTasks,
} from "../api/data";

export const useOverview = (refetchInterval?: number) =>
  useQuery({ queryKey: ["overview"], queryFn: fetchOverview, staleTime: 15_000, refetchInterval });
/**
 * Above this many task forces the overview and the dispatch report are drawn from their summaries,
 * details a page at a time: a province's whole overview is tens of MB of JSON, too much for an office
 * PC to fetch and parse for one page.
 */
export const LARGE_ORGANISATION = 200;

/**
 * The overview's summary (status date, counts, goals, district indicators): what a page that is not
 * the overview needs of it, in kilobytes at any size. Under the "overview" key, so writes refresh it.
 */
export const useOverviewSummary = (top = 1) =>
  useQuery({
    queryKey: ["overview", "summary", top],
    queryFn: () => fetchOverviewSummary(top),
    staleTime: 15_000,
  });
/** The overview's rows of one task force's indicators. */
export const useOverviewIndicators = (taskForceId: string) =>
  useQuery({
    queryKey: ["overview", "indicators", taskForceId],
    queryFn: () => fetchOverviewIndicators(taskForceId),
    staleTime: 15_000,
  });
export const useCheck = () => useQuery({ queryKey: ["check"], queryFn: fetchCheck });
export const useTaskForces = () =>
  useQuery({ queryKey: ["task-forces"], queryFn: fetchTaskForces, staleTime: 60_000 });
export const useTaskForceFull = (id: string) =>
  useQuery({ queryKey: ["task-force", id, "full"], queryFn: () => fetchTaskForceFull(id) });
export const useTaskForceLights = (id: string) =>
  useQuery({ queryKey: ["task-force", id, "lights"], queryFn: () => fetchTaskForceLights(id) });
export const useReports = (filter: Record<string, string>) =>
  useQuery({ queryKey: ["progress-reports", filter], queryFn: () => fetchProgressReports(filter) });
export const useSupervisionItems = (filter: Record<string, string>) =>
  useQuery({ queryKey: ["supervision-items", filter], queryFn: () => fetchSupervisionItems(filter) });
export const useTasksWhere = (filter: Record<string, string>, enabled = true) =>
  useQuery({ queryKey: ["tasks", filter], queryFn: () => fetchTasks(filter), enabled });
export const useIndicatorsWhere = (filter: Record<string, string>, enabled = true) =>
  useQuery({ queryKey: ["indicators", filter], queryFn: () => fetchIndicators(filter), enabled });

/** Names of persons, org units and task forces by id (for tables and the task book). */
export function useNames() {
  const persons = useQuery({ queryKey: ["persons"], queryFn: fetchPersons, staleTime: 10 * 60_000 });
  const units = useQuery({ queryKey: ["org-units"], queryFn: fetchOrgUnits, staleTime: 10 * 60_000 });
  const tfs = useTaskForces();
  return useMemo(() => {
    const p = new Map((persons.data?.items ?? []).map((x) => [x.id, x.name]));
    const u = new Map((units.data?.items ?? []).map((x) => [x.id, x.name]));
    const t = new Map((tfs.data?.items ?? []).map((x) => [x.id, `${x.code} ${x.name}`]));
    return {
      person: (id: string | null | undefined) => (id ? (p.get(id) ?? id) : ""),
      unit: (id: string | null | undefined) => (id ? (u.get(id) ?? id) : ""),
      taskForce: (id: string | null | undefined) => (id ? (t.get(id) ?? id) : ""),
      persons: persons.data?.items ?? [],
    };
  }, [persons.data, units.data, tfs.data]);
}

export const useSettings = () =>
  useQuery({ queryKey: ["settings"], queryFn: fetchSettings, staleTime: 60_000 });
