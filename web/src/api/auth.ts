/** Session calls: sign in, who am I, sign out, demo accounts. */
import { ApiError, get, post, setCsrfToken } from "./client";
import type { DemoInfo, Session } from "./types";

/** Signs in; the server sets the HttpOnly session cookie. */
export async function login(username: string, password: string): Promise<Session> {
  const s = await post<Session>("/auth/login", { username, password });
  setCsrfToken(s.csrfToken);
  return s;
}

/** The current session, or null when signed out (401). */
export async function fetchMe(): Promise<Session | null> {
  try {
    const s = await get<Session>("/auth/me");
    setCsrfToken(s.csrfToken);
    return s;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

/** Ends the session. */
export async function logout(): Promise<void> {
  await post<void>("/auth/logout");
  setCsrfToken(null);
}

/** Whether this is a demo database, and then its accounts. */
export const fetchDemo = () => get<DemoInfo>("/auth/demo");
