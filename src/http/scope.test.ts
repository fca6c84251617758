import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestDatabase,
  dialects,
  rowsWhere,
  snapshot,
  type TestDatabase,
} from "../../test/db-harness.js";
import { appFor, call, signIn, TINY_PNG } from "../../test/factories.js";
import { chaseDueReminders } from "../domain/chasing/chase.service.js";
import { fileExtensionRequest } from "../domain/chasing/extension.service.js";
import { serviceContext } from "../domain/context.js";
import { DEMO_PASSWORD } from "../domain/demo/demo-accounts.js";

/**
 * Scope test generated from the OpenAPI document: callers limited to task force 01 — every role ×
 * every credential that limits it (the sessions and own tokens of lead, member and viewer, who
 * belong to 01 alone; a token of each of the six roles limited to 01) — must not read, list or
 * change anything of task force 02, nor act on the whole organisation. Every route of the
 * document is either mapped to a fixture of task force 02 (or of the organisation) below, or
 * exempted with its reason; a route that is neither fails the first test, so a new route cannot
 * slip through unchecked.
 */

const API = "/api/v1";
const TOKEN_ROLES = ["admin", "supervisor", "leader", "lead", "member", "viewer"] as const;
/** Roles that read only the task forces their person belongs to (in the demo: 01 alone). */
const MEMBER_ROLES = ["lead", "member", "viewer"] as const;
const WRITE_METHODS = new Set(["POST", "PATCH", "PUT", "DELETE"]);
const DAY = "2022-08-15";

type Rec = Record<string, unknown>;
const isRec = (x: unknown): x is Rec => typeof x === "object" && x !== null && !Array.isArray(x);

type Auth = { bearer: string } | { cookie: string; csrf: string };
interface Caller {
  readonly name: string;
  readonly auth: Auth;
}
/** One request: the URL, and a JSON body or the bytes of a file. */
interface Target {
  readonly url: string;
  readonly body?: unknown;
  readonly file?: Buffer;
}

/** The records the cases point at (ids of the demo plus records made in `beforeAll`). */
interface Fixtures {
  readonly tf01: string;
  readonly tf02: string;
  readonly task: string;
  readonly dependency: string;
  readonly member: string;
  readonly indicator: string;
  readonly reading: string;
  readonly report: string;
  readonly item: string;
  readonly comment: string;
  readonly attachment: string;
  /** Throwaway records of task force 02 that nothing refers to, to delete. */
  readonly del: Record<
    | "task"
    | "dependency"
    | "member"
    | "indicator"
    | "reading"
    | "report"
    | "item"
    | "comment"
    | "orgUnit"
    | "person"
    | "user"
    | "goal",
    string
  >;
  /** Throwaway organisation records to update. */
  readonly org: Record<"orgUnit" | "person" | "user" | "goal", string>;
  /** A tf-02 task no dependency reaches, as the successor of a new dependency. */
  readonly successor: string;
  /** A tf-02 task for new progress reports. */
  readonly reportTask: string;
  /** A person outside task force 02, for a new membership. */
  readonly outsider: string;
  /** 延期申请 of task force 02: a task to file on, and a pending request to approve, reject, withdraw. */
  readonly ext: Record<"task" | "approve" | "reject" | "withdraw", string>;
}

/** How a write route is exercised, and what a scoped caller must get. */
interface WriteCase {
  /** `task force`: 403 or 404; `organisation`: 403 (a task-force token never acts on the whole organisation). */
  readonly scope: "task force" | "organisation";
  /** Resolved right before each request, so versions and states are current. */
  readonly target: (f: Fixtures) => Promise<Target>;
  /** Why even an unscoped admin cannot make this request succeed (the fixture is as valid as it gets). */
  readonly controlExempt?: string;
}

/** GETs with `{id}` and the tf-02 record each one is asked for. */
const READS: Readonly<Record<string, (f: Fixtures) => string>> = {
  "/task-forces/{id}": (f) => f.tf02,
  "/task-forces/{id}/full": (f) => f.tf02,
  "/task-forces/{id}/schedule": (f) => f.tf02,
  "/task-forces/{id}/lights": (f) => f.tf02,
  "/task-forces/{id}/baselines": (f) => f.tf02,
  // Baseline 1: the demo's plan as approved at the task force's start.
  "/task-forces/{id}/baselines/{number}": (f) => f.tf02,
  "/task-forces/{id}/plan-approval": (f) => f.tf02,
  "/task-forces/{id}/reminder-settings": (f) => f.tf02,
  "/task-forces/{id}/answer-sheet": (f) => f.tf02,
  "/task-forces/{id}/answer-sheet.xlsx": (f) => f.tf02,
  "/tasks/{id}": (f) => f.task,
  "/tasks/{id}/timeline": (f) => f.task,
  "/dependencies/{id}": (f) => f.dependency,
  "/members/{id}": (f) => f.member,
  "/indicators/{id}": (f) => f.indicator,
  "/indicators/{id}/cascade": (f) => f.indicator,
  "/indicator-readings/{id}": (f) => f.reading,
  "/progress-reports/{id}": (f) => f.report,
  "/supervision-items/{id}": (f) => f.item,
  "/supervision-items/{id}/timeline": (f) => f.item,
  "/comments/{id}": (f) => f.comment,
  "/attachments/{id}": (f) => f.attachment,
  "/attachments/{id}/meta": (f) => f.attachment,
  "/extension-requests/{id}": (f) => f.ext.reject,
};

/** GETs with `{id}` of records that belong to no task force. */
const READS_EXEMPT: Readonly<Record<string, string>> = {
  "/org-units/{id}": "org units are the organisation's tree, shared by every task force",
  "/persons/{id}": "persons belong to the organisation; task forces only name them",
  "/users/{id}": "login accounts belong to the organisation (and only admins read them)",
  "/goals/{id}": "the goal cascade is the organisation's; task forces align to goals, goals belong to none",
  "/assessments/{id}":
    "an assessment is a dated snapshot of the whole organisation's ranking, not a task force's record",
};

/** Pages of the caller's own records (their inbox): an unscoped admin's need hold nothing of task force 02. */
const OWN_PAGES: ReadonlySet<string> = new Set(["/inbox"]);

/** GETs without `{id}` that are not pages of records: searched for any id of a tf-02 record. */
const VIEWS: ReadonlySet<string> = new Set([
  "/overview",
  "/overview/summary",
  "/check",
  "/battle-map",
  "/dispatch-report",
  "/dispatch-report/summary",
  "/answer-sheet",
  "/search",
  "/indicator-cascades",
]);
/** The query a view needs: the global search, for a word task force 02's records hold (招商). */
const VIEW_QUERIES: Readonly<Record<string, string>> = {
  "/search": `?q=${encodeURIComponent("招商")}&limit=50`,
};

/** GETs without `{id}` that hold no task-force records. */
const VIEWS_EXEMPT: Readonly<Record<string, string>> = {
  "/health": "liveness and database kind only",
  "/health/live": "liveness only: the process answers",
  "/health/ready": "readiness only: whether the database answers",
  "/metrics":
    "the server's Prometheus counters (routes as patterns, error codes, connections), no records; organisation-wide, so a task-force token gets 403 (src/http/metrics.test.ts)",
  "/auth/me": "the caller's own account, roles and memberships",
  "/auth/demo": "the public list of demo accounts",
  "/api-tokens": "the caller's own credentials (an admin's lists every user's), no task-force records",
  "/settings": "the organisation's settings (calendar, thresholds, weights), readable by everyone signed in",
  "/ledger/template": "the empty ledger template: headers and choices, no records",
  "/ledger":
    "an xlsx of the task forces the caller may read (bytes, not searchable here); its scope is tested in src/http/ledger.test.ts",
  "/answer-sheet.xlsx":
    "the district's answer sheet as an xlsx (bytes, not searchable here), under GET /answer-sheet's rule and service check; tested in src/http/answer-sheet.test.ts",
};

/** Writes about the caller's own session and tokens. */
const WRITES_EXEMPT: Readonly<Record<string, string>> = {
  "POST /auth/login": "public: starts a session; it acts on no record",
  "POST /auth/logout": "ends the caller's own session",
  "POST /auth/password": "changes the caller's own password, checked against the current one",
  "POST /api-tokens": "creates a token of the caller's own (and a token cannot create tokens)",
  "DELETE /api-tokens/{id}": "revokes a token of the caller's own (an admin: anyone's credentials)",
  "POST /inbox/read": "marks the caller's own messages read; it changes no task force's record",
  "POST /imports":
    "a workbook's rows name their task forces; each row is checked against the importer's scope (src/http/ledger.test.ts)",
};

describe.each(dialects)("scope of callers limited to task force 01 on %s", (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let doc: { paths: Record<string, Record<string, Rec>>; components?: { schemas?: Record<string, Rec> } };
  let f: Fixtures;
  /** An admin token without a task force: makes the fixtures and checks that they are valid. */
  let root: Auth;
  const callers: Caller[] = [];
  let n = 0;
  const seq = () => ++n;
  let months = 0;

  const send = async (auth: Auth, method: string, target: Target) => {
    const headers: Record<string, string> = {};
    if ("bearer" in auth) headers.authorization = `Bearer ${auth.bearer}`;
    else {
      headers.cookie = `guatu_session=${auth.cookie}`;
      headers["x-csrf-token"] = auth.csrf;
    }
    let payload: string | Buffer | undefined;
    if (target.file) {
      headers["content-type"] = "image/png";
      payload = target.file;
    } else if (target.body !== undefined) {
      headers["content-type"] = "application/json";
      payload = JSON.stringify(target.body);
    }
    const res = await app.inject({
      method: method as "GET",
      url: target.url,
      headers,
      ...(payload === undefined ? {} : { payload }),
    });
    const json = (): unknown => {
      try {
        return JSON.parse(res.body);
      } catch {
        return null;
      }
    };
    return { status: res.statusCode, json };
  };
  /** `→ 422 MISSING_REFERENCE taskForceId: …` — the status, and the error when there is one. */
  const outcome = (res: { status: number; json: () => unknown }) => {
    const body = res.status >= 300 ? res.json() : null;
    const error = isRec(body) && isRec(body.error) ? body.error : null;
    return error ? `${res.status} ${error.code}: ${error.message}` : `${res.status}`;
  };
  /** Creates a record as the unscoped admin; throws with the answer otherwise. */
  const make = async (path: string, body: unknown): Promise<string> => {
    const res = await send(root, "POST", { url: `${API}/${path}`, body });
    if (res.status !== 201 && res.status !== 200)
      throw new Error(`fixture ${path}: ${outcome(res)} ${JSON.stringify(body)}`);
    return (res.json() as { id: string }).id;
  };
  const act = async (itemId: string, action: string) => {
    const version = Number((await row("supervision_items", itemId)).version);
    const res = await send(root, "POST", {
      url: `${API}/supervision-items/${itemId}/${action}`,
      body: { version, date: DAY },
    });
    if (res.status !== 200) throw new Error(`fixture ${action} ${itemId}: ${outcome(res)}`);
  };
  const row = async (table: string, id: string): Promise<Rec> => {
    const [r] = await rowsWhere(t.database, table, { id });
    if (!r) throw new Error(`fixture ${table} ${id} is gone`);
    return r as Rec;
  };
  /** A pooled tf-02 supervision item in `state` (the state machine needs one per action). */
  const pooled = async (state: string): Promise<Rec> => {
    const r = (await rowsWhere(t.database, "supervision_items", { state }))
      .filter((x) => String(x.code).startsWith("SCOPE-POOL-"))
      .sort((a, b) => (String(a.code) < String(b.code) ? -1 : 1))[0];
    if (!r) throw new Error(`no pooled supervision item is ${state} any more: enlarge the pool`);
    return r as Rec;
  };

  // Targets of the write cases, resolved at request time.
  /** Recorded values: a change is a correction, a delete a withdrawal, each with a reason. */
  const CORRECTED = new Set(["indicator-readings", "progress-reports"]);
  const update = (path: string, table: string, id: (f: Fixtures) => string, field: string) => async () => {
    const r = await row(table, id(f));
    const why = CORRECTED.has(path) ? { reason: "范围测试更正" } : {};
    return {
      url: `${API}/${path}/${id(f)}`,
      body: { version: Number(r.version), [field]: r[field], ...why },
    };
  };
  const remove = (path: string, table: string, id: (f: Fixtures) => string) => async () => {
    const r = await row(table, id(f));
    const why = CORRECTED.has(path) ? `&reason=${encodeURIComponent("范围测试撤回")}` : "";
    return { url: `${API}/${path}/${id(f)}?version=${Number(r.version)}${why}` };
  };
  const create = (path: string, body: () => Rec) => async () => ({ url: `${API}/${path}`, body: body() });
  const transition = (action: string, state: string) => async () => {
    const r = await pooled(state);
    return {
      url: `${API}/supervision-items/${r.id}/${action}`,
      body: { version: Number(r.version), date: DAY, note: "范围测试" },
    };
  };
  const plain = (url: (f: Fixtures) => string) => async () => ({ url: url(f) });
  /** A completion review of a pooled tf-02 task whose completion is claimed (each control uses one up). */
  const claimed = (action: "confirm" | "return") => async () => {
    const r = (await rowsWhere(t.database, "tasks", { taskForceId: f.tf02, completion: "claimed" }))
      .filter((x) => String(x.code).startsWith("SCOPE-CLAIM-"))
      .sort((a, b) => (String(a.code) < String(b.code) ? -1 : 1))[0];
    if (!r) throw new Error("no claimed completion is left in the pool: enlarge it");
    const why = action === "return" ? { reason: "范围测试退回" } : {};
    return { url: `${API}/tasks/${r.id}/${action}-completion`, body: { version: Number(r.version), ...why } };
  };

  /** Every write route of the OpenAPI document, with a valid request aimed at task force 02 or the organisation. */
  const WRITES: Readonly<Record<string, WriteCase>> = {
    // The organisation: a task-force token never changes it.
    "POST /org-units": {
      scope: "organisation",
      target: create("org-units", () => ({ code: `SCOPE-OU-${seq()}`, name: "范围测试单位", kind: "other" })),
    },
    "PATCH /org-units/{id}": {
      scope: "organisation",
      target: update("org-units", "org_units", (f) => f.org.orgUnit, "name"),
    },
    "DELETE /org-units/{id}": {
      scope: "organisation",
      target: remove("org-units", "org_units", (f) => f.del.orgUnit),
    },
    "POST /persons": { scope: "organisation", target: create("persons", () => ({ name: "范围测试" })) },
    "PATCH /persons/{id}": {
      scope: "organisation",
      target: update("persons", "persons", (f) => f.org.person, "name"),
    },
    "DELETE /persons/{id}": {
      scope: "organisation",
      target: remove("persons", "persons", (f) => f.del.person),
    },
    "POST /users": {
      scope: "organisation",
      target: create("users", () => ({ username: `scope-user-${seq()}`, displayName: "范围测试" })),
    },
    "PATCH /users/{id}": {
      scope: "organisation",
      target: update("users", "users", (f) => f.org.user, "displayName"),
    },
    "DELETE /users/{id}": { scope: "organisation", target: remove("users", "users", (f) => f.del.user) },
    "POST /users/{id}/password": {
      scope: "organisation",
      // A test account's: setting a password ends its owner's tokens (the admin's would end this test's).
      target: async (f) => ({
        url: `${API}/users/${f.org.user}/password`,
        body: { newPassword: DEMO_PASSWORD },
      }),
    },
    "POST /goals": {
      scope: "organisation",
      target: create("goals", () => ({ code: `SCOPE-G-${seq()}`, title: "范围测试目标", level: "annual" })),
    },
    "PATCH /goals/{id}": {
      scope: "organisation",
      target: update("goals", "goals", (f) => f.org.goal, "title"),
    },
    "DELETE /goals/{id}": { scope: "organisation", target: remove("goals", "goals", (f) => f.del.goal) },
    "POST /task-forces": {
      scope: "organisation",
      target: create("task-forces", () => ({ code: `SCOPE-TF-${seq()}`, name: "范围测试专班" })),
    },
    "POST /task-forces/setup": {
      scope: "organisation",
      target: create("task-forces/setup", () => ({
        taskForce: { code: `SCOPE-TFS-${seq()}`, name: "范围测试专班" },
        members: [{ personId: f.outsider, post: "范围测试岗", role: "lead" }],
      })),
    },
    "PUT /settings": {
      scope: "organisation",
      target: async () => ({
        url: `${API}/settings`,
        body: { assessment: { weights: { milestones: 40, indicators: 40, supervision: 20 } } },
      }),
    },
    "POST /schedule": { scope: "organisation", target: async () => ({ url: `${API}/schedule` }) },
    "POST /assessments": { scope: "organisation", target: async () => ({ url: `${API}/assessments` }) },
    // A dead delivery (about task force 02) made in beforeAll; the control sends it again.
    "POST /outbox/{id}/retry": {
      scope: "organisation",
      target: async () => ({ url: `${API}/outbox/scope-outbox/retry` }),
    },
    // Task force 02.
    "PATCH /task-forces/{id}": {
      scope: "task force",
      target: update("task-forces", "task_forces", (f) => f.tf02, "name"),
    },
    "PATCH /task-forces/{id}/task-book": {
      scope: "task force",
      target: async (f) => {
        const r = await row("task_forces", f.tf02);
        return {
          url: `${API}/task-forces/${f.tf02}/task-book`,
          body: { version: Number(r.version), objective: r.objective },
        };
      },
    },
    "DELETE /task-forces/{id}": {
      scope: "task force",
      target: remove("task-forces", "task_forces", (f) => f.tf02),
      controlExempt:
        "task force 02 still has tasks, so even an unscoped admin gets 409 STILL_REFERENCED (the scope check comes first)",
    },
    "POST /task-forces/{id}/schedule": {
      scope: "task force",
      target: plain((f) => `${API}/task-forces/${f.tf02}/schedule`),
    },
    "POST /task-forces/{id}/approve-plan": {
      scope: "task force",
      target: async (f) => ({
        url: `${API}/task-forces/${f.tf02}/approve-plan`,
        // The demo approved baseline 1 at the task force's start: this is baseline 2.
        body: { reason: "范围测试", number: 2 },
      }),
    },
    "POST /members": {
      scope: "task force",
      target: create("members", () => ({
        taskForceId: f.tf02,
        personId: f.outsider,
        post: `范围测试岗${seq()}`,
        role: "member",
      })),
    },
    "PATCH /members/{id}": {
      scope: "task force",
      target: update("members", "task_force_members", (f) => f.member, "post"),
    },
    "DELETE /members/{id}": {
      scope: "task force",
      target: remove("members", "task_force_members", (f) => f.del.member),
    },
    "POST /tasks": {
      scope: "task force",
      target: create("tasks", () => ({
        taskForceId: f.tf02,
        code: `SCOPE-T${seq()}`,
        title: "范围测试任务",
        duration: 5,
        deadline: "2022-09-30",
      })),
    },
    "PATCH /tasks/{id}": { scope: "task force", target: update("tasks", "tasks", (f) => f.task, "title") },
    "DELETE /tasks/{id}": { scope: "task force", target: remove("tasks", "tasks", (f) => f.del.task) },
    "POST /dependencies": {
      scope: "task force",
      target: create("dependencies", () => ({
        predecessorId: f.task,
        successorId: f.successor,
        type: "FS",
        lag: 0,
      })),
    },
    "PATCH /dependencies/{id}": {
      scope: "task force",
      target: update("dependencies", "dependencies", (f) => f.dependency, "type"),
    },
    "DELETE /dependencies/{id}": {
      scope: "task force",
      target: remove("dependencies", "dependencies", (f) => f.del.dependency),
    },
    "POST /indicators": {
      scope: "task force",
      target: create("indicators", () => ({
        taskForceId: f.tf02,
        code: `SCOPE-I${seq()}`,
        name: "范围测试指标",
        kind: "cumulative",
        target: 10,
        year: 2022,
      })),
    },
    "PATCH /indicators/{id}": {
      scope: "task force",
      target: update("indicators", "indicators", (f) => f.indicator, "name"),
    },
    "DELETE /indicators/{id}": {
      scope: "task force",
      target: remove("indicators", "indicators", (f) => f.del.indicator),
    },
    "POST /indicators/{id}/split": {
      scope: "task force",
      // A tf-02 indicator split among its streets (the demo's cascade), evenly, at current versions.
      target: async (f) => {
        const mine = await rowsWhere(t.database, "indicators", { taskForceId: f.tf02 });
        const parent = mine.find((p) => mine.some((c) => c.parentId === p.id));
        if (!parent) throw new Error("the demo has no task force 02 indicator with shares");
        const children = mine
          .filter((c) => c.parentId === parent.id)
          .map((c) => ({ id: c.id as string, version: Number(c.version) }));
        return { url: `${API}/indicators/${parent.id}/split`, body: { method: "even", children } };
      },
    },
    "POST /indicators/{id}/monthly-split": {
      scope: "task force",
      target: async (f) => {
        const [i] = (
          await rowsWhere(t.database, "indicators", { taskForceId: f.tf02, kind: "cumulative" })
        ).sort((a, b) => String(a.id).localeCompare(String(b.id)));
        return {
          url: `${API}/indicators/${i!.id}/monthly-split`,
          body: { method: "working-days", version: Number(i!.version) },
        };
      },
    },
    "POST /indicator-readings": {
      scope: "task force",
      // A month the indicator has no reading for yet (one per request: (indicator, period) is unique).
      target: create("indicator-readings", () => ({
        indicatorId: f.indicator,
        period: ((n) => `${2021 - Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, "0")}`)(months++),
        actual: 1,
      })),
    },
    "PATCH /indicator-readings/{id}": {
      scope: "task force",
      target: update("indicator-readings", "indicator_readings", (f) => f.reading, "note"),
    },
    "DELETE /indicator-readings/{id}": {
      scope: "task force",
      target: remove("indicator-readings", "indicator_readings", (f) => f.del.reading),
    },
    "POST /progress-reports": {
      scope: "task force",
      target: create("progress-reports", () => ({
        taskId: f.reportTask,
        reportDate: DAY,
        percent: 0,
        narrative: "范围测试",
      })),
    },
    "PATCH /progress-reports/{id}": {
      scope: "task force",
      target: update("progress-reports", "progress_reports", (f) => f.report, "narrative"),
    },
    "DELETE /progress-reports/{id}": {
      scope: "task force",
      target: remove("progress-reports", "progress_reports", (f) => f.del.report),
    },
    "POST /supervision-items": {
      scope: "task force",
      target: create("supervision-items", () => ({
        taskForceId: f.tf02,
        code: `SCOPE-SI-${seq()}`,
        raisedOn: DAY,
        issue: "范围测试",
        requiredAction: "整改",
        dueDate: "2022-08-31",
      })),
    },
    "PATCH /supervision-items/{id}": {
      scope: "task force",
      target: update("supervision-items", "supervision_items", (f) => f.item, "issue"),
    },
    "DELETE /supervision-items/{id}": {
      scope: "task force",
      target: remove("supervision-items", "supervision_items", (f) => f.del.item),
    },
    "POST /supervision-items/{id}/start": { scope: "task force", target: transition("start", "open") },
    "POST /supervision-items/{id}/submit": {
      scope: "task force",
      target: transition("submit", "rectifying"),
    },
    "POST /supervision-items/{id}/return": { scope: "task force", target: transition("return", "submitted") },
    "POST /supervision-items/{id}/verify": { scope: "task force", target: transition("verify", "submitted") },
    "POST /supervision-items/{id}/escalate": {
      scope: "task force",
      target: async () => {
        const r = await row("supervision_items", f.item);
        return {
          url: `${API}/supervision-items/${f.item}/escalate`,
          body: { version: Number(r.version), date: DAY, note: "范围测试" },
        };
      },
    },
    "PUT /task-forces/{id}/reminder-settings": {
      scope: "task force",
      target: async () => ({
        url: `${API}/task-forces/${f.tf02}/reminder-settings`,
        body: { daysBefore: 2 },
      }),
    },
    "POST /chases": {
      scope: "task force",
      // An unfinished tf-02 task with an owner; the control chases it once (once per person and day).
      target: async () => {
        const [task] = (await rowsWhere(t.database, "tasks", { taskForceId: f.tf02 })).filter(
          (r) => r.responsiblePersonId && Number(r.percent) < 100 && r.status !== "done",
        );
        return {
          url: `${API}/chases`,
          body: { subjectKind: "task", subjectId: task?.id, reason: "范围测试催办" },
        };
      },
    },
    "POST /tasks/{id}/extension-requests": {
      scope: "task force",
      target: async (f) => ({
        url: `${API}/tasks/${f.ext.task}/extension-requests`,
        body: { requestedDeadline: "2022-12-30", reason: "范围测试延期" },
      }),
    },
    ...Object.fromEntries(
      (["approve", "reject", "withdraw"] as const).map((action) => [
        `POST /extension-requests/{id}/${action}`,
        {
          scope: "task force",
          target: async (f: Fixtures) => {
            const r = await row("extension_requests", f.ext[action]);
            const note = action === "withdraw" ? {} : { note: "范围测试" };
            return {
              url: `${API}/extension-requests/${f.ext[action]}/${action}`,
              body: { version: Number(r.version), ...note },
            };
          },
        } satisfies WriteCase,
      ]),
    ),
    "POST /tasks/{id}/confirm-completion": { scope: "task force", target: claimed("confirm") },
    "POST /tasks/{id}/return-completion": { scope: "task force", target: claimed("return") },
    "POST /comments": {
      scope: "task force",
      target: create("comments", () => ({ taskForceId: f.tf02, body: "范围测试批示" })),
    },
    "PATCH /comments/{id}": {
      scope: "task force",
      target: update("comments", "comments", (f) => f.comment, "body"),
    },
    "DELETE /comments/{id}": {
      scope: "task force",
      target: remove("comments", "comments", (f) => f.del.comment),
    },
    "POST /attachments": {
      scope: "task force",
      target: async () => ({ url: `${API}/attachments?taskId=${f.task}&name=scope.png`, file: TINY_PNG }),
    },
  };

  /** Every operation of the OpenAPI document, paths without the `/api/v1` prefix. */
  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([m]) => ["get", "post", "patch", "put", "delete"].includes(m))
        .map(([m, op]) => ({ method: m.toUpperCase(), path: path.slice(API.length), op })),
    );
  const params = (op: Rec) =>
    (Array.isArray(op.parameters) ? op.parameters : []) as { in: string; name: string; schema?: Rec }[];
  /** Whether the 200 answer is a page `{items, total, …}`. */
  const isPage = (op: Rec) => {
    const responses = isRec(op.responses) ? op.responses : {};
    const ok = responses["200"] as { content?: Record<string, { schema?: Rec }> } | undefined;
    let schema = ok?.content?.["application/json"]?.schema;
    const ref = typeof schema?.$ref === "string" ? schema.$ref.split("/").pop()! : null;
    if (ref) schema = doc.components?.schemas?.[ref];
    const props = isRec(schema?.properties) ? schema.properties : {};
    return "items" in props && "total" in props;
  };

  /** Ids of every record of task force 02 (readings through their indicator). */
  const tf02Ids = async () => {
    const db = t.database.db;
    const ids = new Set<string>([f.tf02]);
    for (const table of [
      "tasks",
      "dependencies",
      "task_force_members",
      "indicators",
      "progress_reports",
      "supervision_items",
      "comments",
      "attachments",
      "extension_requests",
    ]) {
      for (const r of await rowsWhere(t.database, table, { taskForceId: f.tf02 })) ids.add(r.id as string);
    }
    const readings = await db
      .selectFrom("indicator_readings")
      .innerJoin("indicators", "indicators.id", "indicator_readings.indicatorId")
      .select("indicator_readings.id")
      .where("indicators.taskForceId", "=", f.tf02)
      .execute();
    for (const r of readings) ids.add(r.id as string);
    return ids;
  };
  /** Every string of a JSON value, keys included (lights are keyed by record id). */
  const strings = (x: unknown, out: string[] = []): string[] => {
    if (typeof x === "string") out.push(x);
    else if (Array.isArray(x)) for (const v of x) strings(v, out);
    else if (isRec(x))
      for (const [k, v] of Object.entries(x)) {
        out.push(k);
        strings(v, out);
      }
    return out;
  };

  /** The database without bookkeeping (sessions, tokens, login failures, revisions), table by table. */
  const dataTables = async () => {
    const all = JSON.parse(await snapshot(t.database)) as Record<string, unknown[]>;
    for (const k of ["sessions", "api_tokens", "auth_failures", "revisions"]) delete all[k];
    return Object.fromEntries(Object.entries(all).map(([k, rows]) => [k, JSON.stringify(rows)]));
  };
  const auditCount = async () =>
    Number(
      (
        await t.database.db
          .selectFrom("audit_entries")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestDatabase(dialect, { demo: true });
    app = await appFor(t);
    // 催办 records of every task force (the Friday of the round: reports are due).
    await chaseDueReminders(
      serviceContext(t.database, "worker", () => `${DAY}T01:00:00.000Z`),
      "2022-08-19",
    );
    doc = (await app.inject({ method: "GET", url: `${API}/openapi.json` })).json();
    const tfByCode = async (code: string) =>
      (await rowsWhere(t.database, "task_forces", { code }))[0]!.id as string;
    const tf01 = await tfByCode("01");
    const tf02 = await tfByCode("02");
    // A delivery that failed for good, of a message about task force 02 (the outbox is the organisation's).
    await t.database.db
      .insertInto("outbox")
      .values({
        id: "scope-outbox",
        messageId: "scope-message",
        channel: "webhook",
        target: "http://127.0.0.1:9/hook",
        payload: JSON.stringify({
          messageId: "scope-message",
          kind: "chase",
          personId: "scope-person",
          personName: "范围测试",
          taskForceId: tf02,
          subject: null,
          params: {},
          createdAt: "2022-08-15T01:00:00.000Z",
        }),
        state: "dead",
        attempts: 8,
        nextAttemptAt: "2022-08-15T01:00:00.000Z",
        lastError: "the receiver answered HTTP 500",
        createdAt: "2022-08-15T01:00:00.000Z",
      })
      .execute();
    const admin = await signIn(app, "admin", DEMO_PASSWORD);
    const made = await call(
      app,
      "POST",
      `${API}/api-tokens`,
      { name: "scope fixtures", role: "admin" },
      admin,
    );
    root = { bearer: made.body.token as string };

    // Callers limited to task force 01, every role × every kind of credential: the sessions of the
    // roles that read only their own task forces (lead, member, viewer: members of 01 alone), their
    // tokens without a task force (limited by membership), and a token of each role limited to 01
    // (an admin's, supervisor's and leader's included, whose sessions read everything).
    const token = async (role: string, session: Auth, taskForceId?: string) => {
      const res = await call(
        app,
        "POST",
        `${API}/api-tokens`,
        { name: `scope ${role} ${taskForceId ?? "own"}`, role, ...(taskForceId ? { taskForceId } : {}) },
        session,
      );
      if (res.status !== 201) throw new Error(`token ${role}: ${res.status} ${JSON.stringify(res.body)}`);
      return { bearer: res.body.token as string };
    };
    for (const role of MEMBER_ROLES) {
      const session = await signIn(app, role, DEMO_PASSWORD);
      callers.push({ name: `${role} session`, auth: session });
      callers.push({ name: `${role} token`, auth: await token(role, session) });
    }
    for (const role of TOKEN_ROLES) {
      const session = await signIn(app, role, DEMO_PASSWORD);
      callers.push({ name: `${role} token@01`, auth: await token(role, session, tf01) });
    }

    // Demo records of task force 02.
    const first = async (table: string, where: Record<string, string> = {}) => {
      const [r] = await rowsWhere(t.database, table, where);
      if (!r) throw new Error(`fixture: no ${table} row with ${JSON.stringify(where)}`);
      return r;
    };
    const task = (await first("tasks", { taskForceId: tf02, code: "02.1.1" })).id as string;
    const indicator = (await first("indicators", { taskForceId: tf02 })).id as string;
    const ids = {
      tf01,
      tf02,
      task,
      dependency: (await first("dependencies", { taskForceId: tf02 })).id as string,
      member: (await first("task_force_members", { taskForceId: tf02, role: "member" })).id as string,
      indicator,
      reading: (await first("indicator_readings", { indicatorId: indicator })).id as string,
      report: (await first("progress_reports", { taskForceId: tf02 })).id as string,
      item: (await first("supervision_items", { taskForceId: tf02 })).id as string,
    };

    // Records the demo lacks, made by the (unscoped) admin.
    const leaf = (code: string) =>
      make("tasks", { taskForceId: tf02, code, title: "范围测试任务", duration: 5, deadline: "2022-09-30" });
    const delTask = await leaf("SCOPE-DEL");
    const successor = await leaf("SCOPE-SUCC");
    const reportTask = await leaf("SCOPE-PR");
    const depEnd = await leaf("SCOPE-DEP");
    const outsider = await make("persons", { name: "范围测试人员" });
    const readingsOf = await make("indicators", {
      taskForceId: tf02,
      code: "SCOPE-IR",
      name: "范围测试指标",
      kind: "cumulative",
      target: 10,
      year: 2022,
    });
    const item = (code: string) =>
      make("supervision-items", {
        taskForceId: tf02,
        code,
        raisedOn: DAY,
        issue: "范围测试",
        requiredAction: "整改",
        dueDate: "2022-08-31",
      });
    // Pools for the state machine: one item per caller that passes the role gate, and one for the control.
    for (let i = 1; i <= 6; i++) await item(`SCOPE-POOL-open-${i}`);
    for (let i = 1; i <= 5; i++) await act(await item(`SCOPE-POOL-rect-${i}`), "start");
    for (let i = 1; i <= 8; i++) {
      const id = await item(`SCOPE-POOL-sub-${i}`);
      await act(id, "start");
      await act(id, "submit");
    }
    const comment = await make("comments", {
      taskForceId: tf02,
      taskId: task,
      body: "请加快进度（范围测试）",
    });
    const upload = await send(root, "POST", {
      url: `${API}/attachments?taskId=${task}&name=scope.png`,
      file: TINY_PNG,
    });
    if (upload.status !== 201) throw new Error(`fixture attachment: ${outcome(upload)}`);
    // 延期申请: filed by the system (the admin then decides it: not its own), or by the admin (to withdraw).
    const askLater = { requestedDeadline: "2022-12-30", reason: "范围测试延期" };
    const filed = async (code: string) =>
      (await fileExtensionRequest(serviceContext(t.database, "scope-fixture"), await leaf(code), askLater))
        .id;
    const ext = {
      task: await leaf("SCOPE-EXT"),
      approve: await filed("SCOPE-EXT-A"),
      reject: await filed("SCOPE-EXT-R"),
      withdraw: await make(`tasks/${await leaf("SCOPE-EXT-W")}/extension-requests`, askLater),
    };
    // Completions claimed by 100 % reports, for the completion reviews (one per control, one spare).
    for (const code of ["SCOPE-CLAIM-1", "SCOPE-CLAIM-2", "SCOPE-CLAIM-3"])
      await make("progress-reports", {
        taskId: await leaf(code),
        reportDate: DAY,
        percent: 100,
        narrative: "范围测试",
      });
    f = {
      ...ids,
      comment,
      attachment: (upload.json() as { id: string }).id,
      successor,
      reportTask,
      outsider,
      ext,
      del: {
        task: delTask,
        dependency: await make("dependencies", { predecessorId: task, successorId: depEnd }),
        member: await make("members", {
          taskForceId: tf02,
          personId: outsider,
          post: "范围测试（待删）",
          role: "member",
        }),
        indicator: await make("indicators", {
          taskForceId: tf02,
          code: "SCOPE-ID",
          name: "范围测试指标",
          kind: "level",
          target: 1,
          year: 2022,
        }),
        reading: await make("indicator-readings", { indicatorId: readingsOf, period: "2022-01", actual: 1 }),
        report: await make("progress-reports", {
          taskId: reportTask,
          reportDate: "2022-08-01",
          percent: 0,
          narrative: "范围测试（待删）",
        }),
        item: await item("SCOPE-DEL"),
        comment: await make("comments", { taskForceId: tf02, body: "待删（范围测试）" }),
        orgUnit: await make("org-units", { code: "SCOPE-OU-D", name: "范围测试单位", kind: "other" }),
        person: await make("persons", { name: "范围测试（待删）" }),
        user: await make("users", { username: "scope-del", displayName: "范围测试" }),
        goal: await make("goals", { code: "SCOPE-G-D", title: "范围测试目标", level: "annual" }),
      },
      org: {
        orgUnit: await make("org-units", { code: "SCOPE-OU-P", name: "范围测试单位", kind: "other" }),
        person: await make("persons", { name: "范围测试（待改）" }),
        user: await make("users", { username: "scope-edit", displayName: "范围测试" }),
        goal: await make("goals", { code: "SCOPE-G-P", title: "范围测试目标", level: "annual" }),
      },
    };
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it("maps every route of the OpenAPI document to a case or an exemption with its reason", () => {
    const unmapped: string[] = [];
    const seen = new Set<string>();
    for (const { method, path, op } of operations()) {
      const key = `${method} ${path}`;
      seen.add(key);
      if (method === "GET") {
        if (path.includes("{id}")) {
          if (!(path in READS) && !(path in READS_EXEMPT))
            unmapped.push(`${key}: no tf-02 fixture, no exemption`);
        } else if (!isPage(op) && !VIEWS.has(path) && !(path in VIEWS_EXEMPT))
          unmapped.push(`${key}: neither a page, a searched view, nor exempted`);
      } else if (WRITE_METHODS.has(method) && !(key in WRITES) && !(key in WRITES_EXEMPT))
        unmapped.push(`${key}: no write fixture, no exemption`);
    }
    const stale = [
      ...Object.keys(READS).map((p) => `GET ${p}`),
      ...Object.keys(READS_EXEMPT).map((p) => `GET ${p}`),
      ...[...VIEWS].map((p) => `GET ${p}`),
      ...Object.keys(VIEWS_EXEMPT).map((p) => `GET ${p}`),
      ...Object.keys(WRITES),
      ...Object.keys(WRITES_EXEMPT),
    ].filter((k) => !seen.has(k));
    expect(operations().length).toBeGreaterThan(80);
    expect({ unmapped, stale }).toEqual({ unmapped: [], stale: [] });
  });

  it("refuses every caller a record of task force 02 asked for by id (403 or 404, never 200)", async () => {
    const offenders: string[] = [];
    const brokenFixtures: string[] = [];
    for (const { method, path } of operations()) {
      if (method !== "GET" || !(path in READS)) continue;
      const url = `${API}${path.replace("{id}", READS[path]!(f)).replace("{number}", "1")}`;
      // The fixture exists and an unscoped admin reads it: a refusal below is about scope.
      const control = await send(root, "GET", { url });
      if (control.status !== 200) brokenFixtures.push(`GET ${path} unscoped admin → ${outcome(control)}`);
      for (const caller of callers) {
        const res = await send(caller.auth, "GET", { url });
        if (res.status !== 403 && res.status !== 404)
          offenders.push(`GET ${path} ${caller.name} → ${outcome(res)}`);
      }
    }
    expect({ brokenFixtures, offenders }).toEqual({ brokenFixtures: [], offenders: [] });
  });

  it("refuses task force 02 named in a query, and keeps its records out of lists and views", async () => {
    const offenders: string[] = [];
    const foreign = await tf02Ids();
    const tf02Indicators = new Set(
      (await rowsWhere(t.database, "indicators", { taskForceId: f.tf02 })).map((r) => r.id as string),
    );
    const owned = (x: unknown) =>
      isRec(x) && (x.taskForceId === f.tf02 || tf02Indicators.has(x.indicatorId as string));
    /** A list item of task force 02: a record of it, a reading of its indicator, an audit entry about one. */
    const ofTf02 = (path: string, item: Rec) =>
      path === "/task-forces" || path === "/overview/task-forces"
        ? item.id === f.tf02
        : owned(item) ||
          owned(item.before) ||
          owned(item.after) ||
          (item.entity === "task_force" && item.entityId === f.tf02);
    const brokenFixtures: string[] = [];
    for (const { method, path, op } of operations()) {
      if (method !== "GET" || path.includes("{id}")) continue;
      const query = params(op).filter((p) => p.in === "query");
      const takesTaskForce = query.some((p) => p.name === "taskForceId");
      if (isPage(op)) {
        const max = query.find((p) => p.name === "limit")?.schema?.maximum;
        const limit = Math.min(1000, typeof max === "number" ? max : 1000);
        const urls = [`${API}${path}?limit=${limit}`];
        if (takesTaskForce) urls.push(`${API}${path}?limit=${limit}&taskForceId=${f.tf02}`);
        // Unless its records belong to no task force, the unscoped admin sees some of task force 02's
        // in the list: otherwise the check below could not tell a leak from an empty list.
        if (!(`${path}/{id}` in READS_EXEMPT) && !OWN_PAGES.has(path)) {
          const control = await send(root, "GET", { url: urls[0]! });
          const items = control.status === 200 ? (control.json() as { items: Rec[] }).items : [];
          if (!items.some((x) => ofTf02(path, x)))
            brokenFixtures.push(
              `GET ${path} unscoped admin → ${outcome(control)} without a record of task force 02`,
            );
        }
        for (const url of urls)
          for (const caller of callers) {
            const res = await send(caller.auth, "GET", { url });
            if (res.status === 403) continue; // the role may not list these at all
            if (res.status !== 200) {
              offenders.push(`GET ${url.slice(API.length)} ${caller.name} → ${outcome(res)}`);
              continue;
            }
            const items = (res.json() as { items: Rec[] }).items;
            const leaked = items.filter((x) => ofTf02(path, x));
            if (leaked.length)
              offenders.push(
                `GET ${url.slice(API.length)} ${caller.name} → 200 with ${leaked.length} item(s) of task force 02, e.g. ${JSON.stringify(leaked[0]).slice(0, 160)}`,
              );
          }
        continue;
      }
      if (!VIEWS.has(path)) continue;
      const control = await send(root, "GET", { url: `${API}${path}${VIEW_QUERIES[path] ?? ""}` });
      if (control.status !== 200 || !strings(control.json()).some((s) => foreign.has(s)))
        brokenFixtures.push(
          `GET ${path} unscoped admin → ${outcome(control)} naming no record of task force 02`,
        );
      for (const caller of callers) {
        // Named explicitly, an out-of-scope task force is refused, not answered with nothing.
        if (takesTaskForce) {
          const res = await send(caller.auth, "GET", { url: `${API}${path}?taskForceId=${f.tf02}` });
          if (res.status !== 403 && res.status !== 404)
            offenders.push(`GET ${path}?taskForceId=<tf 02> ${caller.name} → ${outcome(res)}`);
        }
        const res = await send(caller.auth, "GET", { url: `${API}${path}${VIEW_QUERIES[path] ?? ""}` });
        if (res.status === 403) continue;
        if (res.status !== 200) {
          offenders.push(`GET ${path} ${caller.name} → ${outcome(res)}`);
          continue;
        }
        const leaked = [...new Set(strings(res.json()).filter((s) => foreign.has(s)))];
        if (leaked.length)
          offenders.push(
            `GET ${path} ${caller.name} → 200 naming ${leaked.length} record(s) of task force 02: ${leaked.slice(0, 5).join(", ")}`,
          );
      }
    }
    expect({ brokenFixtures, offenders }).toEqual({ brokenFixtures: [], offenders: [] });
  });

  it("refuses every write aimed at task force 02 or the whole organisation, and changes no data", async () => {
    const offenders: string[] = [];
    const auditBefore = await auditCount();
    const before = await dataTables();
    for (const { method, path } of operations()) {
      const key = `${method} ${path}`;
      const c = WRITES[key];
      if (!WRITE_METHODS.has(method) || !c) continue;
      for (const caller of callers) {
        const res = await send(caller.auth, method, await c.target(f));
        const refused =
          c.scope === "organisation" ? res.status === 403 : res.status === 403 || res.status === 404;
        if (!refused) offenders.push(`${key} ${caller.name} → ${outcome(res)}`);
      }
    }
    const after = await dataTables();
    const changedTables = Object.keys(after).filter((k) => after[k] !== before[k]);
    expect({ offenders, auditEntriesAdded: (await auditCount()) - auditBefore, changedTables }).toEqual({
      offenders: [],
      auditEntriesAdded: 0,
      changedTables: [],
    });
  });

  it("accepts the same writes from an unscoped admin, so the refusals are about scope and not the body", async () => {
    const brokenFixtures: string[] = [];
    for (const { method, path } of operations()) {
      const key = `${method} ${path}`;
      const c = WRITES[key];
      if (!WRITE_METHODS.has(method) || !c || c.controlExempt) continue;
      const res = await send(root, method, await c.target(f));
      if (res.status < 200 || res.status > 299)
        brokenFixtures.push(`${key} unscoped admin → ${outcome(res)}`);
    }
    expect(brokenFixtures).toEqual([]);
  });
});
