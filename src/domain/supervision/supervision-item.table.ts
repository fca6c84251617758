import type { SupervisionState } from "../../vocabulary/index.js";
import type { RecordColumns } from "../records/record.table.js";

/** `supervision_items` (督办单) with their state-machine fields. */
export interface SupervisionItemTable extends RecordColumns {
  taskForceId: string;
  taskId: string | null;
  code: string;
  raisedById: string | null;
  raisedOn: string;
  issue: string;
  requiredAction: string;
  responsiblePersonId: string | null;
  responsibleUnitId: string | null;
  dueDate: string;
  state: SupervisionState;
  rectification: string | null;
  submittedOn: string | null;
  verifiedOn: string | null;
  verifiedById: string | null;
  returnCount: number;
  lastNote: string | null;
  escalatedOn: string | null;
  escalatedBy: string | null;
}
