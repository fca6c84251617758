import { describe, expect, it } from "vitest";
import type { Member } from "../../api/types";
import {
  accountGap,
  membershipsByPerson,
  needsPerson,
  tokenRoles,
  userCreateBodyOf,
  userPatchOf,
} from "./account-view";
import type { User } from "./use-accounts";

const user: User = {
  id: "u-1",
  version: 3,
  createdAt: "2022-08-01T00:00:00.000Z",
  updatedAt: "2022-08-01T00:00:00.000Z",
  username: "zhang.wei",
  displayName: "张伟",
  personId: "p-1",
  roles: ["member"],
  disabled: false,
};

describe("tokenRoles", () => {
  it("offers a user their own roles and an admin every role, in the policy's order", () => {
    expect(tokenRoles({ roles: ["member", "lead"] })).toEqual(["lead", "member"]);
    expect(tokenRoles({ roles: ["admin"] })).toEqual([
      "admin",
      "supervisor",
      "leader",
      "lead",
      "member",
      "viewer",
    ]);
    expect(tokenRoles(null)).toEqual([]);
  });
});

describe("membershipsByPerson", () => {
  it("groups memberships by person, the most senior role first", () => {
    const m = (id: string, personId: string, role: string) => ({ id, personId, role }) as Member;
    const by = membershipsByPerson([m("a", "p-1", "member"), m("b", "p-2", "lead"), m("c", "p-1", "lead")]);
    expect(by.get("p-1")?.map((x) => x.id)).toEqual(["c", "a"]);
    expect(by.get("p-2")?.map((x) => x.id)).toEqual(["b"]);
  });
});

describe("user form bodies", () => {
  it("creates with the password and without blank optional fields", () => {
    expect(
      userCreateBodyOf({ username: " li.na ", displayName: "李娜", roles: ["lead"], password: "pw-123456" }),
    ).toEqual({
      username: "li.na",
      displayName: "李娜",
      roles: ["lead"],
      password: "pw-123456",
    });
  });

  it("patches only what changed, at the version read", () => {
    expect(userPatchOf(user, { ...user, roles: ["member", "lead"] })).toEqual({
      version: 3,
      roles: ["member", "lead"],
    });
    expect(userPatchOf(user, { ...user, personId: undefined, disabled: true })).toEqual({
      version: 3,
      personId: null,
      disabled: true,
    });
  });
});

describe("accounts whose roles lack a person or a lead membership", () => {
  it("needs a linked person for a lead or an owner only", () => {
    expect(needsPerson(["lead"])).toBe(true);
    expect(needsPerson(["viewer", "member"])).toBe(true);
    expect(needsPerson(["admin", "supervisor", "leader", "viewer"])).toBe(false);
    expect(needsPerson(undefined)).toBe(false);
  });

  it("flags a lead or owner without a person, and a lead whose person leads no task force", () => {
    expect(accountGap({ roles: ["member"], personId: null }, [])).toBe("noPerson");
    expect(accountGap({ roles: ["lead"], personId: "p-1" }, [])).toBe("leadsNone");
    expect(accountGap({ roles: ["lead"], personId: "p-1" }, [{ role: "member" }])).toBe("leadsNone");
    expect(accountGap({ roles: ["lead"], personId: "p-1" }, [{ role: "lead" }])).toBeNull();
    expect(accountGap({ roles: ["lead"], personId: "p-1" }, [{ role: "lead_leader" }])).toBeNull();
    expect(accountGap({ roles: ["member"], personId: "p-1" }, [])).toBeNull();
    expect(accountGap({ roles: ["admin"], personId: null }, [])).toBeNull();
  });
});
