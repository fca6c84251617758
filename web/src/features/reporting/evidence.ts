/** Pure parts of evidence (佐证材料): which files may be uploaded, and how entries are shown. */
import { EVIDENCE_CONTENT_TYPES, parseAttachmentRef } from "../../../../src/shared/api/attachments";

// The server checks uploads with the same rule.
export { evidenceProblem } from "../../../../src/shared/api/attachments";

// Browsers leave `File.type` empty for some files (or use a legacy Office type); the name decides then.
const BY_EXTENSION: Readonly<Record<string, string>> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  webp: "image/webp",
  gif: "image/gif",
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  txt: "text/plain",
};

/** The media type to upload a file with: the browser's when accepted, else by the name's extension. */
export function evidenceContentType(fileName: string, browserType: string): string {
  if (EVIDENCE_CONTENT_TYPES.includes(browserType)) return browserType;
  const ext = fileName.split(".").pop()?.toLowerCase() ?? "";
  return BY_EXTENSION[ext] ?? browserType;
}

/** What the `accept` attribute of the file picker offers. */
export const EVIDENCE_ACCEPT = [
  ...EVIDENCE_CONTENT_TYPES,
  ...Object.keys(BY_EXTENSION).map((e) => `.${e}`),
].join(",");

/** One evidence entry as shown: an uploaded file, a link, or plain text (a file name). */
export type EvidenceView =
  | { readonly kind: "attachment"; readonly id: string; readonly fileName: string }
  | { readonly kind: "link"; readonly href: string }
  | { readonly kind: "text"; readonly text: string };

/** How an entry of a report's `evidence` is shown. */
export function evidenceView(entry: string): EvidenceView {
  const ref = parseAttachmentRef(entry);
  if (ref) return { kind: "attachment", ...ref };
  if (/^https?:\/\//.test(entry)) return { kind: "link", href: entry };
  return { kind: "text", text: entry };
}
