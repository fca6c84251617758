import { z } from "zod";
import { requiredText, text, version } from "./common.js";

/** Body of `POST /tasks/{id}/confirm-completion`: the task's version and an optional note. */
export const completionConfirmation = z.strictObject({ version, note: text(2000).optional() });
export type CompletionConfirmation = z.output<typeof completionConfirmation>;

/** Body of `POST /tasks/{id}/return-completion`: the task's version and why it is sent back (required). */
export const completionReturn = z.strictObject({ version, reason: requiredText(2000) });
export type CompletionReturn = z.output<typeof completionReturn>;
