import type { z } from "zod";
import type { supervisionItemSchemas } from "../../shared/api/supervision.js";
import type { ListFields } from "../records/list.js";

export type SupervisionItem = z.output<typeof supervisionItemSchemas.entity>;
export type SupervisionItemCreate = z.output<typeof supervisionItemSchemas.create>;
export type SupervisionItemUpdate = z.output<typeof supervisionItemSchemas.update>;

/** Lists of supervision items (督办单). */
export const SUPERVISION_ITEM_LIST: ListFields = {
  filters: ["taskForceId", "taskId", "state", "responsiblePersonId", "responsibleUnitId", "raisedById"],
  sorts: { code: "text", dueDate: "text", raisedOn: "text", state: "text" },
  defaultSort: ["code"],
  search: ["issue", "code"],
};
