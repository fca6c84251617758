/** Hook: the signed-in session (react-query key `["me"]`), sign-in and sign-out. */
import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchMe, login, logout } from "../api/auth";
import type { Session } from "../api/types";

/** Query key of the current session. */
export const SESSION_KEY = ["me"] as const;

/** Drops every cached answer except the session (observers of the session stay attached). */
function forgetAnswers(qc: QueryClient) {
  qc.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
}

/** The current session: `data` is null when signed out. */
export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}

/** Signs in and stores the session. */
export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { username: string; password: string }) => login(v.username, v.password),
    onSuccess: (s: Session) => {
      forgetAnswers(qc);
      qc.setQueryData(SESSION_KEY, s);
    },
  });
}

/** Signs out and forgets every cached answer. */
export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      qc.setQueryData(SESSION_KEY, null);
      forgetAnswers(qc);
    },
  });
}
