/**
 * Hooks of account administration: pages of users, the task forces their people serve in, API
 * tokens, and the writes (create, edit, set a password, change one's own, create and revoke tokens).
 * Each write is checked with the API's own schema before it is sent.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { apiTokenCreate, type apiTokenInfo, passwordChange } from "../../../../src/shared/api/auth";
import { type User, userCreateBody, userSchemas } from "../../../../src/shared/api/org";
import { api, get, post } from "../../api/client";
import { query } from "../../api/data";
import type { Member, Page } from "../../api/types";
import { parseOrThrow } from "../../hooks/validate";

export type { User };
/** An API token as listed; `token` only in the answer that created it. */
export type ApiToken = z.output<typeof apiTokenInfo>;

const USERS = ["users"] as const;

/** A page of users matching `q`, by username. */
export const useUsers = (p: { q: string; page: number; pageSize: number }) =>
  useQuery({
    queryKey: [...USERS, p],
    queryFn: () =>
      get<Page<User>>(
        `/users${query({ q: p.q || undefined, limit: p.pageSize, offset: (p.page - 1) * p.pageSize, sort: "username" })}`,
      ),
    placeholderData: keepPreviousData,
  });

/** Every user (at most 1000), to name the owners of API tokens. */
export const useAllUsers = () =>
  useQuery({
    queryKey: [...USERS, "all"],
    queryFn: () => get<Page<User>>(`/users${query({ limit: 1000, sort: "username" })}`),
    staleTime: 60_000,
  });

/** The task-force memberships of the given people, in one request. */
export const useMembershipsOf = (personIds: readonly string[]) =>
  useQuery({
    queryKey: ["members", "of-persons", [...personIds].sort()],
    queryFn: () => get<Page<Member>>(`/members${query({ personId: personIds.join(","), limit: 1000 })}`),
    enabled: personIds.length > 0,
  });

/** Refreshes the user lists (and the session, whose display name or roles may have changed). */
function useRefreshUsers() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: USERS });
    void qc.invalidateQueries({ queryKey: ["me"] });
  };
}

/** Creates an account with its first password, in one request (nothing is created when refused). */
export function useCreateUser() {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => post<User>("/users", parseOrThrow(userCreateBody, body)),
    onSuccess: refresh,
  });
}

/** Changes an account at its version (display name, person, roles, disabled). */
export function usePatchUser() {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: (v: { id: string; body: Record<string, unknown> }) =>
      api<User>("PATCH", `/users/${encodeURIComponent(v.id)}`, parseOrThrow(userSchemas.update, v.body)),
    onSuccess: refresh,
  });
}

/** An admin sets a user's password (their sessions end). */
export const useSetPassword = () =>
  useMutation({
    mutationFn: (v: { id: string; newPassword: string }) =>
      post<void>(`/users/${encodeURIComponent(v.id)}/password`, { newPassword: v.newPassword }),
  });

/** The signed-in user changes their own password (their other sessions end). */
export const useChangeOwnPassword = () =>
  useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      post<void>("/auth/password", parseOrThrow(passwordChange, body)),
  });

const TOKENS = ["api-tokens"] as const;

/** The caller's API tokens (an admin's list holds everyone's), newest first. */
export const useApiTokens = () =>
  useQuery({
    queryKey: TOKENS,
    queryFn: async () =>
      (await get<ApiToken[]>("/api-tokens")).sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
  });

/** Creates an API token; the answer carries the secret, shown once. */
export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      post<ApiToken>("/api-tokens", parseOrThrow(apiTokenCreate, body)),
    onSuccess: () => void qc.invalidateQueries({ queryKey: TOKENS }),
  });
}

/** Revokes an API token at once. */
export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<ApiToken>("DELETE", `/api-tokens/${encodeURIComponent(id)}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: TOKENS }),
  });
}
