import type { IsoDate } from "../../engines/calendar/index.js";
import type { WriteContext } from "../context.js";
import { answerChases } from "./chase.repository.js";

/** Answers a subject's open 催办 with a report or submission dated `day` (in the caller's write). */
export async function answerChasesOf(w: WriteContext, subjectId: string, day: IsoDate): Promise<void> {
  await answerChases(w.uow.db, day, w.now(), [subjectId]);
}
