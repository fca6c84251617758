import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../test/db-harness.js";
import { appFor, type Client, clientFor, signIn } from "../../test/factories.js";
import { addUser } from "../domain/accounts/account.service.js";
import { serviceContext } from "../domain/context.js";
import { DEMO_PASSWORD } from "../domain/demo/demo-accounts.js";
import { deleteMember } from "../domain/task-forces/member.service.js";
import type { AppError } from "../shared/errors.js";

type Member = { id: string; personId: string; role: string; post: string; version: number };

describe.each(dialects)("the lead rules of task-force members on %s", (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let admin: Client;
  let lead: Client;
  let leadPerson: string;
  const url = (m: Member) => `/api/v1/members/${m.id}`;
  const leadsOf = async (tf: string): Promise<Member[]> =>
    (await admin("GET", `/api/v1/members?taskForceId=${tf}&role=lead`)).body.items;
  const fresh = async (m: Member): Promise<Member> => (await admin("GET", url(m))).body;
  /** Makes a person a lead of a task force, as `who`. */
  const addLead = async (who: Client, taskForceId: string, personId: string, post: string) => {
    const r = await who("POST", "/api/v1/members", { taskForceId, personId, post, role: "lead" });
    expect(r.status).toBe(201);
    return r.body as Member;
  };
  /** A second lead of tf-01, added by the admin. */
  const addSecondLead = async (): Promise<Member> => {
    const person = (await admin("GET", "/api/v1/persons?limit=2")).body.items.find(
      (p: { id: string }) => p.id !== leadPerson,
    );
    return addLead(admin, "tf-01", person.id, "专班副组长（轮值）");
  };

  beforeAll(async () => {
    t = await createTestDatabase(dialect, { demo: true });
    app = await appFor(t);
    admin = clientFor(app, await signIn(app, "admin", DEMO_PASSWORD));
    lead = clientFor(app, await signIn(app, "lead", DEMO_PASSWORD));
    leadPerson = (await lead("GET", "/api/v1/auth/me")).body.personId;
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it("refuses to remove or demote a task force's last lead, also for an admin, naming both", async () => {
    const [last, ...more] = await leadsOf("tf-01");
    expect(more).toEqual([]);
    expect(last!.personId).toBe(leadPerson);
    const removed = await admin("DELETE", url(last!));
    expect(removed.status).toBe(422);
    expect(removed.body.error.code).toBe("LAST_LEAD");
    expect(removed.body.error.message).toMatch(/^\S+ is the last lead of task force 01 \S+/);
    const demoted = await admin("PATCH", url(last!), { role: "deputy_leader", version: last!.version });
    expect(demoted.status).toBe(422);
    expect(demoted.body.error.code).toBe("LAST_LEAD");
    // The lead's own attempt meets the same rule first.
    expect((await lead("DELETE", url(last!))).body.error.code).toBe("LAST_LEAD");
    expect(await fresh(last!)).toMatchObject({ role: "lead", version: last!.version });
    // Other changes to the last lead are fine.
    const duties = await lead("PATCH", url(last!), {
      duties: "编制任务书和作战图。",
      version: last!.version,
    });
    expect(duties.status).toBe(200);
  });

  it("lets a closed task force lose its last lead, so that it can be emptied", async () => {
    const [last] = await leadsOf("tf-10");
    expect(last).toBeDefined();
    expect((await admin("DELETE", url(last!))).body.error.code).toBe("LAST_LEAD");
    const tf = (await admin("GET", "/api/v1/task-forces/tf-10")).body;
    expect(
      (await admin("PATCH", "/api/v1/task-forces/tf-10", { status: "closed", version: tf.version })).status,
    ).toBe(200);
    expect((await admin("DELETE", url(last!))).status).toBe(204);
    expect(await leadsOf("tf-10")).toEqual([]);
  });

  it("refuses a lead's removal or demotion of their own lead membership, but lets them remove another lead", async () => {
    const second = await addSecondLead();
    const own = (await leadsOf("tf-01")).find((m) => m.personId === leadPerson)!;
    for (const change of [{ role: "member" }, { personId: second.personId }]) {
      const r = await lead("PATCH", url(own), { ...change, version: own.version });
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe("SELF_DEMOTION");
      expect(r.body.error.message).toContain("task force 01 ");
    }
    const removed = await lead("DELETE", url(own));
    expect(removed.status).toBe(403);
    expect(removed.body.error.code).toBe("SELF_DEMOTION");
    expect(await fresh(own)).toMatchObject({ role: "lead", version: own.version });
    // Other changes to their own membership are fine.
    expect((await lead("PATCH", url(own), { post: "专班副组长", version: own.version })).status).toBe(200);
    expect((await lead("DELETE", url(second))).status).toBe(204);
    expect(await leadsOf("tf-01")).toHaveLength(1);
  });

  it("lets an admin demote a lead while another remains, which takes the lead's plan rights", async () => {
    const second = await addSecondLead();
    const own = (await leadsOf("tf-01")).find((m) => m.personId === leadPerson)!;
    const demoted = await admin("PATCH", url(own), { role: "member", version: own.version });
    expect(demoted.status).toBe(200);
    const task = (await admin("GET", "/api/v1/tasks?taskForceId=tf-01&limit=1")).body.items[0];
    const edit = await lead("PATCH", `/api/v1/tasks/${task.id}`, { weight: 1, version: task.version });
    expect(edit.status).toBe(403);
    // Back as before: the lead again, the second lead removed.
    await admin("PATCH", url(own), { role: "lead", version: demoted.body.version });
    expect((await admin("DELETE", url(second))).status).toBe(204);
  });

  it("lets an admin remove their own lead membership", async () => {
    const [other] = await leadsOf("tf-02");
    const person = (await admin("POST", "/api/v1/persons", { name: "管理员本人" })).body;
    await addUser(serviceContext(t.database, "test"), {
      username: "admin-lead",
      displayName: "管理员本人",
      roles: ["admin"],
      personId: person.id,
      password: "admin-lead-password",
    });
    const me = clientFor(app, await signIn(app, "admin-lead", "admin-lead-password"));
    const mine = await addLead(me, "tf-02", person.id, "专班副组长");
    expect((await me("DELETE", url(mine))).status).toBe(204);
    expect(await leadsOf("tf-02")).toEqual([other]);
  });

  it("serialises two removals of a task force's two leads: the second sees the first and is refused", async () => {
    const second = await addSecondLead();
    const own = (await leadsOf("tf-01")).find((m) => m.personId === leadPerson)!;
    const ctx = serviceContext(t.database, "test");
    let removedFirst!: () => void;
    let commit!: () => void;
    const firstRemoved = new Promise<void>((r) => (removedFirst = r));
    const committed = new Promise<void>((r) => (commit = r));
    const first = t.database.db.transaction().execute(async (trx) => {
      await deleteMember({ ...ctx, uow: { db: trx, changes: [] } }, own.id);
      removedFirst();
      await committed;
    });
    await firstRemoved;
    const secondAnswer = deleteMember(ctx, second.id).then(
      () => "removed",
      (e: AppError) => e.code,
    );
    // Time for the second removal to reach its check while the first is uncommitted: without the
    // lock it would count the first lead as still there.
    await new Promise((r) => setTimeout(r, 300));
    commit();
    await first;
    expect(await secondAnswer).toBe("LAST_LEAD");
    expect(await leadsOf("tf-01")).toEqual([second]);
  });
});
