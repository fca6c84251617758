/** An inbox message in the reader's language, from its kind and values (nothing stored as prose). */
import { messageWords } from "../../../../src/shared/message-words";
import type { InboxMessage } from "./api";

/** The message's sentence (e.g. "事项已超期，请尽快推进") and its values on one line. */
export function messageText(m: Pick<InboxMessage, "kind" | "params">, lang: string) {
  const { body } = messageWords(m, lang === "en" ? "en" : "zh");
  // The body is: greeting, blank, what it says and its values, blank, footer.
  const parts = body.split("\n\n");
  const lines = (parts[1] ?? "").split("\n").filter(Boolean);
  return { title: lines[0] ?? "", detail: lines.slice(1).join(" · ") };
}
