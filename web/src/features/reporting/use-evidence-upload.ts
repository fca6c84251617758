import { App, Upload, type UploadFile, type UploadProps } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type AttachmentMeta, attachmentRef } from "../../../../src/shared/api/attachments";
import { ApiError } from "../../api/client";
import { uploadAttachment } from "../../api/data";
import { detailMessage } from "../../hooks/messages";
import { EVIDENCE_ACCEPT, evidenceContentType, evidenceProblem } from "./evidence";

/** The reason shown for a refused upload, in the app's language. */
function useUploadErrorText() {
  const { t } = useTranslation();
  return (err: unknown) => {
    const code = err instanceof ApiError ? err.code : "";
    if (code === "PAYLOAD_TOO_LARGE") return t("attachment.size");
    // The bytes betray the file (an .exe named .pdf): say what it really is.
    const detail = err instanceof ApiError ? err.details[0] : undefined;
    if (code === "UNSUPPORTED_MEDIA_TYPE" && detail?.key) return detailMessage(detail);
    if (code === "UNSUPPORTED_MEDIA_TYPE") return t("attachment.type");
    if (code === "FORBIDDEN") return t("attachment.forbidden");
    return t("attachment.failed", { message: err instanceof Error ? err.message : String(err) });
  };
}

/**
 * Evidence files of one progress report: the antd Upload's props (each chosen file is checked, then
 * uploaded with progress), the `attachment:` references of the uploaded ones for the report's
 * `evidence`, whether uploads are still running, and what failed.
 */
export function useEvidenceUpload(taskId: string | undefined) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useUploadErrorText();
  // A file's response: the stored attachment, or (after a refusal) the reason shown for it.
  const [files, setFiles] = useState<UploadFile<AttachmentMeta | string>[]>([]);
  const props: UploadProps<AttachmentMeta | string> = {
    fileList: files,
    multiple: true,
    accept: EVIDENCE_ACCEPT,
    beforeUpload: (file) => {
      const problem = evidenceProblem({ size: file.size, type: evidenceContentType(file.name, file.type) });
      if (!problem) return true;
      void message.error(`${file.name}: ${t(`attachment.${problem}`)}`);
      return Upload.LIST_IGNORE;
    },
    customRequest: ({ file, onProgress, onSuccess, onError }) => {
      const f = file as File;
      if (!taskId) return;
      uploadAttachment(
        { taskId, file: f, fileName: f.name, contentType: evidenceContentType(f.name, f.type) },
        (percent) => onProgress?.({ percent }),
      ).then(
        (meta) => onSuccess?.(meta),
        (err: Error) => onError?.(err),
      );
    },
    // A failed file's tooltip and the list below the picker say why, in the app's language.
    onChange: ({ fileList }) =>
      setFiles(fileList.map((f) => (f.status === "error" ? { ...f, response: errorText(f.error) } : f))),
  };
  const stored = files.flatMap((f) =>
    f.status === "done" && typeof f.response === "object" ? [f.response] : [],
  );
  return {
    props,
    refs: stored.map(attachmentRef),
    /** The uploaded files (a draft keeps them). */
    stored,
    uploading: files.some((f) => f.status === "uploading"),
    errors: files.filter((f) => f.status === "error").map((f) => `${f.name}: ${String(f.response)}`),
    reset: () => setFiles([]),
    /** Shows files uploaded earlier (a draft's) as uploaded. */
    restore: (metas: readonly AttachmentMeta[]) =>
      setFiles(metas.map((m) => ({ uid: m.id, name: m.fileName, status: "done", response: m }))),
  };
}
