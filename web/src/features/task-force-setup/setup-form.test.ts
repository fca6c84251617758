import { describe, expect, it } from "vitest";
import { taskForceSetup } from "../../../../src/shared/api/task-forces";
import type { ApiErrorDetail } from "../../api/client";
import { personPickLabel, placeOf, placeRefusal, setupBody, stepOf } from "./setup-form";

const detail = (path: string, message = "bad"): ApiErrorDetail => ({ path, message });

describe("the setup wizard's form", () => {
  it("makes a body the shared schema accepts, empty fields as null and roles defaulted", () => {
    const body = setupBody({
      code: "11",
      name: "营商环境专班",
      leadUnitId: "",
      coUnitIds: ["ou-a"],
      goalIds: ["g-1"],
      startDate: "2022-08-01",
      members: [
        { personId: "p-1", post: "组长", role: "lead" },
        { personId: "p-2", post: "专员", duties: "" },
      ],
    });
    expect(body.taskForce).toMatchObject({
      leadUnitId: null,
      leadLeaderId: null,
      deadline: null,
      objective: null,
    });
    expect(body.members[1]).toEqual({ personId: "p-2", post: "专员", role: "member", duties: null });
    expect(taskForceSetup.safeParse(body).success).toBe(true);
  });

  it("places each refusal beside its field, on its step", () => {
    expect(placeOf("taskForce.code")).toEqual({ name: ["code"], step: 0 });
    expect(placeOf("body.taskForce.goalIds.1")).toEqual({ name: ["goalIds"], step: 2 });
    expect(placeOf("members.1.personId")).toEqual({ name: ["members", 1, "personId"], step: 1 });
    expect(placeOf("body.members")).toEqual({ name: null, step: 1 });
    expect(placeOf("taskForce.version")).toBeNull();
    expect(placeOf("body")).toBeNull();
    expect(stepOf("deadline")).toBe(0);
  });

  it("gathers a refusal's messages by field and shows the earliest step holding one", () => {
    const placed = placeRefusal(
      [
        detail("members.0.post", "a"),
        detail("members.0.post", "b"),
        detail("taskForce.code", "c"),
        detail("x"),
      ],
      (d) => d.message.toUpperCase(),
    );
    expect(placed.step).toBe(0);
    expect(placed.fields).toEqual([
      { name: ["members", 0, "post"], errors: ["A", "B"] },
      { name: ["code"], errors: ["C"] },
    ]);
    expect(placeRefusal([detail("body")], (d) => d.message)).toEqual({ fields: [], step: null });
  });
});

describe("personPickLabel", () => {
  it("shows name, post and unit, leaving out what a person lacks", () => {
    expect(personPickLabel({ name: "张伟", post: "村镇建设科科长" }, "住房和城乡建设局")).toBe(
      "张伟 · 村镇建设科科长 · 住房和城乡建设局",
    );
    expect(personPickLabel({ name: "赵磊", post: null }, "")).toBe("赵磊");
  });
});
