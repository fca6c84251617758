/** Hook: the answer sheet (交卷) asked for in the page's address (`?taskForce=…&statusDate=…`). */
import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import type { AnswerSheet } from "../../../../src/shared/api/answer-sheet";
import { get } from "../../api/client";
import { type SheetTarget, sheetPath } from "./answer-sheet-view";

/** The sheet of the address's task force (else the district's) at its status date, and how to change the date. */
export function useAnswerSheet() {
  const [params, setParams] = useSearchParams();
  const target: SheetTarget = {
    taskForceId: params.get("taskForce"),
    statusDate: params.get("statusDate"),
  };
  const query = useQuery({
    queryKey: ["answer-sheet", target.taskForceId, target.statusDate],
    queryFn: () => get<AnswerSheet>(sheetPath(target)),
  });
  /** Shows the sheet at another status date ("" → the organisation's). */
  const setStatusDate = (date: string) => {
    const next = new URLSearchParams(params);
    if (date) next.set("statusDate", date);
    else next.delete("statusDate");
    setParams(next, { replace: true });
  };
  return { target, query, setStatusDate };
}
