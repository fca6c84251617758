import { z } from "zod";
import { SUPERVISION_STATES, type SupervisionState } from "../../vocabulary/index.js";
import { id, isoDate, requiredText, text, version } from "./common.js";
import { defineEntity } from "./define.js";

/** open → rectifying → submitted → verified (销号), or submitted → rectifying (returned). */
export const supervisionStates = SUPERVISION_STATES;
export type { SupervisionState };

/** The actions that move a supervision item through its states. */
export const supervisionActions = ["start", "submit", "return", "verify"] as const;
export type SupervisionAction = (typeof supervisionActions)[number];

/** A supervision item (督办单) raised on a task force or one of its tasks. */
export const supervisionItemSchemas = defineEntity({
  name: "SupervisionItem",
  fields: {
    taskForceId: id,
    taskId: id.nullable(),
    code: requiredText(40),
    raisedById: id.nullable(),
    raisedOn: isoDate,
    issue: requiredText(4000),
    requiredAction: requiredText(4000),
    responsiblePersonId: id.nullable(),
    responsibleUnitId: id.nullable(),
    dueDate: isoDate,
  },
  readOnly: {
    state: z.enum(supervisionStates),
    rectification: text(4000).nullable(),
    submittedOn: isoDate.nullable(),
    verifiedOn: isoDate.nullable(),
    verifiedById: id.nullable(),
    returnCount: z.number().int(),
    lastNote: text(4000).nullable(),
    /** Escalated (督办升级) by a leader or the supervision office, when and by whom. */
    escalatedOn: isoDate.nullable(),
    escalatedBy: z.string().nullable(),
  },
  // `code` is made by the server (DB-<year>-NNN) unless a ledger brings one.
  required: ["taskForceId", "raisedOn", "issue", "requiredAction", "dueDate"],
  defaults: { taskId: null, raisedById: null, responsiblePersonId: null, responsibleUnitId: null },
});
export type SupervisionItem = z.output<typeof supervisionItemSchemas.entity>;

/** Body of `POST /supervision-items/:id/transition`. */
export const supervisionTransition = z.strictObject({
  action: z.enum(supervisionActions),
  version,
  date: isoDate,
  note: text(4000).optional(),
  rectification: text(4000).optional(),
  byId: id.optional(),
});
export type SupervisionTransition = z.output<typeof supervisionTransition>;

/** Body of `POST /supervision-items/:id/escalate`. */
export const supervisionEscalation = z.strictObject({ version, date: isoDate, note: requiredText(4000) });
