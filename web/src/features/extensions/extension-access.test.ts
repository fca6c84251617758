import { describe, expect, it } from "vitest";
import type { Session } from "../../api/types";
import {
  mayDecideExtension,
  mayFileExtension,
  mayWithdrawExtension,
  seesExtensionQueue,
} from "./extension-access";

const FILE = "write:extension-requests";
const DECIDE = "extension-requests:approve";
const WITHDRAW = "extension-requests:withdraw";

const session = (username: string, roles: Session["roles"], extra: Partial<Session> = {}): Session => ({
  user: {
    id: `u-${username}`,
    version: 1,
    createdAt: "",
    updatedAt: "",
    username,
    displayName: username,
    personId: "p1",
    roles,
    disabled: false,
  },
  roles,
  personId: "p1",
  leadTaskForceIds: [],
  ownTaskForceIds: ["tf-1"],
  csrfToken: "x",
  permissions: [],
  ...extra,
});

const task = (
  o: Partial<{ taskForceId: string; responsiblePersonId: string | null; status: string }> = {},
) => ({
  taskForceId: "tf-1",
  responsiblePersonId: "p1",
  status: "in_progress",
  ...o,
});

describe("who may ask for, decide and withdraw a 延期申请 in the UI", () => {
  it("lets the owner, or a member of the task force for them, ask — never for a done task", () => {
    const member = session("member", ["member"], { permissions: [FILE, WITHDRAW] });
    expect(mayFileExtension(member, task())).toBe(true);
    expect(mayFileExtension(member, task({ responsiblePersonId: "p2" }))).toBe(true);
    expect(mayFileExtension(member, task({ taskForceId: "tf-2", responsiblePersonId: "p2" }))).toBe(false);
    expect(mayFileExtension(member, task({ status: "done" }))).toBe(false);
    expect(mayFileExtension(session("viewer", ["viewer"]), task())).toBe(false);
    expect(mayFileExtension(null, task())).toBe(false);
  });

  it("lets a lead of the task force or the office decide, never whoever filed it", () => {
    const lead = session("lead", ["lead"], { leadTaskForceIds: ["tf-1"], permissions: [FILE, DECIDE] });
    const request = { taskForceId: "tf-1", requestedBy: "member", state: "pending" };
    expect(mayDecideExtension(lead, request)).toBe(true);
    expect(mayDecideExtension(lead, { ...request, taskForceId: "tf-2" })).toBe(false);
    expect(mayDecideExtension(lead, { ...request, requestedBy: "lead" })).toBe(false);
    expect(mayDecideExtension(lead, { ...request, state: "approved" })).toBe(false);
    const office = session("supervisor", ["supervisor"], { permissions: [DECIDE] });
    expect(mayDecideExtension(office, { ...request, taskForceId: "tf-9" })).toBe(true);
    expect(seesExtensionQueue(office)).toBe(true);
    expect(seesExtensionQueue(session("member", ["member"], { permissions: [FILE] }))).toBe(false);
  });

  it("lets only whoever filed a pending request withdraw it", () => {
    const member = session("member", ["member"], { permissions: [WITHDRAW] });
    expect(mayWithdrawExtension(member, { requestedBy: "member", state: "pending" })).toBe(true);
    expect(mayWithdrawExtension(member, { requestedBy: "lead", state: "pending" })).toBe(false);
    expect(mayWithdrawExtension(member, { requestedBy: "member", state: "rejected" })).toBe(false);
  });
});
