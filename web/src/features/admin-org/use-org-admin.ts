/**
 * Hooks: the reads and writes of the organisation screens — units, people and goals. Writes are
 * validated with the shared zod create/update schemas before they are sent; an edit is a
 * versioned PATCH of the changed fields; after a 409 STALE_VERSION `reapply` sends the same change
 * (or delete) at the record's latest version. Every write refreshes the lookups the rest of the
 * app shares (the unit and person names, the overview's goal cascade).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Goal } from "../../../../src/shared/api/goals";
import { goalSchemas } from "../../../../src/shared/api/goals";
import { orgUnitSchemas, personSchemas } from "../../../../src/shared/api/org";
import { del, get, patch, post } from "../../api/client";
import { fetchOrgUnits, fetchPersons, query } from "../../api/data";
import type { Page, Person } from "../../api/types";
import { useCan } from "../../hooks/use-can";
import { parseOrThrow } from "../../hooks/validate";

/** The resources these screens write. */
export type OrgResource = "org-units" | "persons" | "goals";

const SCHEMAS = { "org-units": orgUnitSchemas, persons: personSchemas, goals: goalSchemas } as const;
const LOOKUP = 10 * 60_000;
const path = (r: OrgResource, id: string) => `/${r}/${encodeURIComponent(id)}`;

/** Which of the three the signed-in user may change (the role gate of `/auth/me`). */
export function useOrgAccess() {
  const can = useCan();
  return {
    units: can.rule("write:org-units"),
    persons: can.rule("write:persons"),
    goals: can.rule("write:goals"),
  };
}

/** Every org unit (the same cache entry as the app's name lookups). */
export const useUnits = () =>
  useQuery({ queryKey: ["org-units"], queryFn: fetchOrgUnits, staleTime: LOOKUP });

/** Every person, for pickers and names (the same cache entry as the app's name lookups). */
export const useAllPersons = () =>
  useQuery({ queryKey: ["persons"], queryFn: fetchPersons, staleTime: LOOKUP });

/** Every goal of the cascade. */
export const useGoals = () =>
  useQuery({
    queryKey: ["goals"],
    queryFn: () => get<Page<Goal>>(`/goals${query({ limit: 1000 })}`),
    staleTime: LOOKUP,
  });

/** The criteria of the people list. */
export interface PeopleCriteria {
  /** Units whose people are listed (a unit and those below it); empty: everyone. */
  readonly unitIds: readonly string[];
  readonly q: string;
  readonly page: number;
  readonly pageSize: number;
}

/** One page of people, by name, matching the criteria. */
export const usePeoplePage = (c: PeopleCriteria) =>
  useQuery({
    queryKey: ["persons", "page", c],
    queryFn: () =>
      get<Page<Person>>(
        `/persons${query({
          orgUnitId: c.unitIds.length ? c.unitIds.join(",") : undefined,
          q: c.q.trim() || undefined,
          sort: "name",
          limit: c.pageSize,
          offset: (c.page - 1) * c.pageSize,
        })}`,
      ),
    placeholderData: keepPreviousData,
  });

/** Refreshes every view the organisation feeds. */
function useRefreshOrg() {
  const qc = useQueryClient();
  return () => {
    for (const key of ["org-units", "persons", "goals", "overview", "task-forces"])
      void qc.invalidateQueries({ queryKey: [key] });
  };
}

/** A create (no `id`) or a versioned change (`id`, `body.version`) of one record. */
export interface SaveInput {
  readonly id?: string;
  readonly body: Record<string, unknown>;
}

/**
 * Creates or changes a unit, person or goal. The answer is the record as stored; `reapply` sends a
 * change refused as stale again at the record's latest version.
 */
export function useSaveRecord<T extends { id: string }>(resource: OrgResource) {
  const refresh = useRefreshOrg();
  const schemas = SCHEMAS[resource];
  const m = useMutation({
    mutationFn: (v: SaveInput): Promise<T> =>
      v.id
        ? patch<T>(path(resource, v.id), parseOrThrow(schemas.update, v.body))
        : post<T>(`/${resource}`, parseOrThrow(schemas.create, v.body)),
    onSuccess: refresh,
  });
  const reapply = async (options?: { onSuccess?: (r: T) => void }) => {
    const v = m.variables;
    if (!v?.id) return;
    const latest = await get<{ version: number }>(path(resource, v.id));
    m.mutate({ id: v.id, body: { ...v.body, version: latest.version } }, options);
  };
  return { ...m, reapply };
}

/** Deletes a record at the version shown; 409 while anything refers to it or when it changed meanwhile. */
export function useDeleteRecord(resource: OrgResource) {
  const refresh = useRefreshOrg();
  const m = useMutation({
    mutationFn: (v: { id: string; version: number }) =>
      del(`${path(resource, v.id)}${query({ version: v.version })}`),
    onSuccess: refresh,
  });
  const reapply = async (options?: { onSuccess?: () => void }) => {
    const v = m.variables;
    if (!v) return;
    const latest = await get<{ version: number }>(path(resource, v.id));
    m.mutate({ id: v.id, version: latest.version }, options);
  };
  return { ...m, reapply };
}
