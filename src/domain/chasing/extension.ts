import type { ListFields } from "../records/list.js";

export type {
  ExtensionDecisionInput,
  ExtensionRequest,
  ExtensionRequestInput,
  ExtensionState,
} from "../../shared/api/extensions.js";

/** Lists of extension requests (延期申请): the queue filters by task force and state. */
export const EXTENSION_LIST: ListFields = {
  filters: ["taskForceId", "taskId", "state", "requestedBy"],
  sorts: { createdAt: "text", requestedDeadline: "text", state: "text" },
  defaultSort: ["createdAt"],
  search: ["reason", "requestedByName"],
};

/** The reason of the plan baseline an approval records: `延期申请 03.2.1: 2022-09-30 → 2022-10-31`. */
export const extensionBaselineReason = (code: string, from: string | null, to: string): string =>
  `延期申请 ${code}: ${from ?? "—"} → ${to}`;
