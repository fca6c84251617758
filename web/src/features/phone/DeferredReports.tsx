import { App } from "antd";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { progressReportSchemas } from "../../../../src/shared/api/reports";
import { createProgressReport } from "../../api/data";
import { codeMessage, detailLine } from "../../hooks/messages";
import { useRefreshAll } from "../../hooks/use-mutations";
import { useSession } from "../../hooks/use-session";
import { parseOrThrow } from "../../hooks/validate";
import { draftBody, queuedDrafts } from "./report-drafts";
import { applySendResult, type SendResult, sendQueued } from "./send-queue";
import { useReportDrafts } from "./use-report-drafts";

// One round at a time in this tab: `online` and a page becoming visible can come together.
let sending = false;

/** Says what became of each sent report: a refusal stays on screen until it is closed. */
function useSendNotices() {
  const { t } = useTranslation();
  const { message, notification } = App.useApp();
  return (r: SendResult) => {
    const code = r.draft.taskCode;
    if (r.outcome.kind === "sent") void message.success(t("phone.sent", { code }));
    if (r.outcome.kind !== "refused") return;
    const f = r.outcome.refusal;
    notification.error({
      key: `deferred-${r.draft.taskId}`,
      title: t("phone.refusedNotice", { code }),
      description: [
        codeMessage(f.code, f.message),
        ...f.details.map((d) => detailLine(d)),
        t("phone.refusedAction"),
      ].join("\n"),
      duration: 0,
      style: { whiteSpace: "pre-line" },
    });
  };
}

/**
 * Sends the progress reports that wait (submitted while offline) when the app starts online, when
 * the browser comes back online and when the page is shown again. Renders nothing; the waiting and
 * refused reports show on their tasks (DraftBadge).
 */
export function DeferredReports() {
  const { store } = useReportDrafts();
  const personId = useSession().data?.personId ?? null;
  const refresh = useRefreshAll();
  const notice = useSendNotices();
  const latest = useRef(async () => {});
  latest.current = async () => {
    const queue = queuedDrafts(store.read());
    if (sending || !navigator.onLine || queue.length === 0) return;
    sending = true;
    try {
      const results = await sendQueued(queue, (d) =>
        createProgressReport(parseOrThrow(progressReportSchemas.create, draftBody(d, personId))),
      );
      for (const r of results) {
        store.update((b) => applySendResult(b, r));
        notice(r);
      }
      if (results.some((r) => r.outcome.kind === "sent")) refresh();
    } finally {
      sending = false;
    }
  };
  useEffect(() => {
    const send = () => void latest.current();
    const onVisible = () => document.visibilityState === "visible" && send();
    send();
    window.addEventListener("online", send);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.removeEventListener("online", send);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, []);
  return null;
}
