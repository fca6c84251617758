import { describe, expect, it } from "vitest";
import type { Session } from "../api/types";
import { canFor } from "./can";

const session = (roles: Session["roles"], extra: Partial<Session> = {}): Session =>
  ({
    user: {} as Session["user"],
    roles,
    personId: "p1",
    leadTaskForceIds: [],
    ownTaskForceIds: ["tf-1"],
    csrfToken: "x",
    permissions: [],
    ...extra,
  }) as Session;

describe("canFor", () => {
  it("lets a lead edit tasks of the task forces they lead only", () => {
    const can = canFor(session(["lead"], { leadTaskForceIds: ["tf-1"], permissions: ["write:tasks"] }));
    expect(can.editTasks("tf-1")).toBe(true);
    expect(can.editTasks("tf-2")).toBe(false);
  });

  it("lets a member report only on tasks and indicators they own", () => {
    const can = canFor(
      session(["member"], { permissions: ["write:progress-reports", "write:indicator-readings"] }),
    );
    expect(can.reportProgress({ taskForceId: "tf-1", responsiblePersonId: "p1" })).toBe(true);
    expect(can.reportProgress({ taskForceId: "tf-1", responsiblePersonId: "p2" })).toBe(false);
    expect(can.reportReading({ taskForceId: "tf-1", ownerPersonId: "p2" })).toBe(false);
    expect(can.editTasks("tf-1")).toBe(false);
    expect(can.seeMyTasks).toBe(true);
  });

  it("lets an owner attach evidence only with the upload rule and only to their own tasks", () => {
    const task = { taskForceId: "tf-1", responsiblePersonId: "p1" };
    const without = canFor(session(["member"], { permissions: ["write:progress-reports"] }));
    expect(without.attachEvidence(task)).toBe(false);
    const can = canFor(session(["member"], { permissions: ["write:attachments"] }));
    expect(can.attachEvidence(task)).toBe(true);
    expect(can.attachEvidence({ ...task, responsiblePersonId: "p2" })).toBe(false);
  });

  it("gives return and verify to the supervisor, and submit only to the responsible person", () => {
    const item = { taskForceId: "tf-1", responsiblePersonId: "p9" };
    const sup = canFor(
      session(["supervisor"], {
        permissions: ["supervision-items:return", "supervision-items:verify", "supervision-items:start"],
      }),
    );
    expect(sup.superviseAction("verify", item)).toBe(true);
    expect(sup.superviseAction("submit", item)).toBe(false);
    const member = canFor(session(["member"], { personId: "p9", permissions: ["supervision-items:submit"] }));
    expect(member.superviseAction("submit", item)).toBe(true);
    expect(member.superviseAction("verify", item)).toBe(false);
  });

  it("lets a leader comment anywhere and escalate open items, but not take assessments", () => {
    const can = canFor(
      session(["leader"], {
        ownTaskForceIds: [],
        permissions: ["write:comments", "supervision-items:escalate", "read:assessments"],
      }),
    );
    expect(can.comment("tf-7")).toBe(true);
    expect(can.escalate({ state: "rectifying" })).toBe(true);
    expect(can.escalate({ state: "verified" })).toBe(false);
    expect(can.readAssessments).toBe(true);
    expect(can.takeAssessment).toBe(false);
  });

  it("lets a member comment only on own task forces and never escalate", () => {
    const can = canFor(session(["member"], { permissions: ["write:comments"] }));
    expect(can.comment("tf-1")).toBe(true);
    expect(can.comment("tf-2")).toBe(false);
    expect(can.escalate({ state: "open" })).toBe(false);
  });

  it("lets a viewer read assessments but not comment, and a supervisor take a snapshot", () => {
    const viewer = canFor(session(["viewer"], { permissions: ["read:assessments"] }));
    expect(viewer.comment("tf-1")).toBe(false);
    expect(viewer.takeAssessment).toBe(false);
    const sup = canFor(session(["supervisor"], { permissions: ["assessments:take", "write:comments"] }));
    expect(sup.takeAssessment).toBe(true);
    expect(sup.comment("tf-9")).toBe(true);
  });

  it("lets a lead edit the plan of the task forces they lead, part by part, and an admin any", () => {
    const writes = ["write:tasks", "write:dependencies", "write:members", "write:indicators"];
    const lead = canFor(session(["lead"], { leadTaskForceIds: ["tf-1"], permissions: writes }));
    for (const part of ["tasks", "dependencies", "members", "indicators"] as const) {
      expect(lead.editPlan("tf-1", part)).toBe(true);
      expect(lead.editPlan("tf-2", part)).toBe(false);
    }
    const noMembers = canFor(session(["lead"], { leadTaskForceIds: ["tf-1"], permissions: ["write:tasks"] }));
    expect(noMembers.editPlan("tf-1")).toBe(true);
    expect(noMembers.editPlan("tf-1", "members")).toBe(false);
    expect(canFor(session(["admin"], { permissions: writes })).editPlan("tf-9", "indicators")).toBe(true);
  });

  it("gives plan editing to no member, viewer or supervisor, even of their own task force", () => {
    const perms = ["write:progress-reports", "write:indicator-readings", "write:supervision-items"];
    for (const role of ["member", "viewer", "supervisor"] as const) {
      const can = canFor(session([role], { leadTaskForceIds: [], permissions: perms }));
      for (const part of ["tasks", "dependencies", "members", "indicators"] as const)
        expect(can.editPlan("tf-1", part)).toBe(false);
    }
    // A lead-task-force id without the write rule (e.g. a token scoped to read) edits nothing.
    expect(canFor(session(["lead"], { leadTaskForceIds: ["tf-1"] })).editPlan("tf-1")).toBe(false);
  });

  it("allows nothing when signed out", () => {
    const can = canFor(null);
    expect(can.rule("read:overview")).toBe(false);
    expect(can.seeMyTasks).toBe(false);
    expect(can.editPlan("tf-1")).toBe(false);
  });
});
