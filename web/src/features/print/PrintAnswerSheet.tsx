import { DownloadOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useTranslation } from "react-i18next";
import { DateField } from "../../components/DateField";
import { QueryState } from "../../components/QueryState";
import { useLang } from "../../hooks/use-lang";
import { xlsxHref } from "../answer-sheet/answer-sheet-view";
import { DistrictSheet } from "../answer-sheet/DistrictSheet";
import { TaskForceSheet } from "../answer-sheet/TaskForceSheet";
import { useAnswerSheet } from "../answer-sheet/use-answer-sheet";
import { PrintDoc } from "./DocPage";
import "../answer-sheet/answer-sheet.css";

/**
 * The year's answer sheet (交卷) on A4, of the task force in the address (`?taskForce=`) or of the
 * district: the same figures as the overview at the status date chosen in the toolbar (default the
 * organisation's), a draft (草稿) before Dec 31; the toolbar also downloads it as a workbook.
 */
export function PrintAnswerSheet() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { target, query, setStatusDate } = useAnswerSheet();
  const actions = (
    <>
      <DateField
        aria-label={t("ans.statusDate")}
        placeholder={t("ans.statusDate")}
        value={target.statusDate ?? query.data?.statusDate ?? ""}
        onChange={setStatusDate}
        allowClear
      />
      <Button
        icon={<DownloadOutlined />}
        href={xlsxHref(target, lang === "en" ? "en" : "zh")}
        data-testid="answer-sheet-xlsx"
      >
        {t("ans.download")}
      </Button>
    </>
  );
  return (
    <PrintDoc
      loading={false}
      back={target.taskForceId ? `/task-forces/${encodeURIComponent(target.taskForceId)}` : "/"}
      testId="print-answer-sheet"
      actions={actions}
    >
      <QueryState query={query}>
        {(sheet) =>
          sheet.taskForce ? (
            <TaskForceSheet sheet={sheet} tf={sheet.taskForce} />
          ) : sheet.district ? (
            <DistrictSheet sheet={sheet} d={sheet.district} />
          ) : null
        }
      </QueryState>
    </PrintDoc>
  );
}
