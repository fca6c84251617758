/** Which state-machine actions a supervision item's state allows (the server has the last word). */
import type { SupervisionItem } from "../../api/types";

export type SupervisionAction = "start" | "submit" | "return" | "verify";

/** Actions possible from a state: open → start; rectifying → submit; submitted → return | verify. */
export function actionsFor(state: SupervisionItem["state"]): SupervisionAction[] {
  switch (state) {
    case "open":
      return ["start"];
    case "rectifying":
      return ["submit"];
    case "submitted":
      return ["return", "verify"];
    default:
      return [];
  }
}

/** The tag colour of each state, in the table and on a phone's cards. */
export const STATE_COLOR = {
  open: "red",
  rectifying: "orange",
  submitted: "blue",
  verified: "green",
} as const;
