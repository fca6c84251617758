/**
 * The typed HTTP client of the web app: same-origin JSON over the session cookie, the CSRF token
 * on every write, and errors as `ApiError` carrying the API's code, message and field details.
 */

/** One field problem as the API reports it (`path` like `body.title`; `key` in the validation vocabulary). */
export type { ErrorDetail as ApiErrorDetail } from "../../../src/vocabulary/index";

import type { ErrorDetail as ApiErrorDetail } from "../../../src/vocabulary/index";

/** A non-2xx answer of the API. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly ApiErrorDetail[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
  /** A 409 caused by a stale version: the UI offers reload-and-reapply. */
  get isConflict(): boolean {
    return this.status === 409;
  }
}

let csrfToken: string | null = null;

/** Remembers the CSRF token of the current session (from login or `GET /auth/me`). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Calls the API under `/api/v1`; resolves with the parsed JSON (undefined for 204). */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  const res = await fetch(`/api/v1${path}`, {
    method,
    headers,
    credentials: "same-origin",
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (res.status === 204) return undefined as T;
  return answer<T>(res.status, res.statusText, await res.text());
}

/** The parsed JSON of an answer, or its `ApiError`. */
function answer<T>(status: number, statusText: string, text: string): T {
  let json: { error?: { code?: string; message?: string; details?: ApiErrorDetail[] } } | undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    // A proxy's HTML error page, say: the status still tells what happened.
    if (status >= 200 && status < 300) throw new ApiError(status, "BAD_ANSWER", "the answer is not JSON");
  }
  if (status < 200 || status >= 300) {
    const e = json?.error ?? {};
    throw new ApiError(status, e.code ?? "HTTP_ERROR", e.message ?? statusText, e.details ?? []);
  }
  return json as T;
}

/**
 * Sends a file's raw bytes with POST (its own Content-Type, the CSRF token) and reports upload
 * progress in percent; XMLHttpRequest because fetch cannot tell upload progress.
 */
export function upload<T>(
  path: string,
  file: Blob,
  contentType: string,
  onProgress?: (percent: number) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader("accept", "application/json");
    xhr.setRequestHeader("content-type", contentType);
    if (csrfToken) xhr.setRequestHeader("x-csrf-token", csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      try {
        resolve(answer<T>(xhr.status, xhr.statusText, xhr.responseText));
      } catch (err) {
        reject(err);
      }
    };
    xhr.onerror = () => reject(new ApiError(0, "NETWORK", "the upload did not reach the server"));
    xhr.send(file);
  });
}

export const get = <T>(path: string) => api<T>("GET", path);
export const post = <T>(path: string, body?: unknown) => api<T>("POST", path, body ?? {});
export const patch = <T>(path: string, body: unknown) => api<T>("PATCH", path, body);
export const del = (path: string) => api<void>("DELETE", path);
