import { FileDoneOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useCan } from "../../hooks/use-can";
import { printPath } from "./answer-sheet-view";

/**
 * 交卷: opens the printable answer sheet of a task force, or (without one) of the district — shown
 * only to those who may read the district's (rule `read:answer-sheet`).
 */
export function AnswerSheetButton({ taskForceId }: { taskForceId?: string }) {
  const { t } = useTranslation();
  const can = useCan();
  if (!taskForceId && !can.rule("read:answer-sheet")) return null;
  return (
    <Link to={printPath(taskForceId)} data-testid="answer-sheet-link" className="no-print">
      <Button size="small" icon={<FileDoneOutlined />}>
        {taskForceId ? t("ans.button") : t("ans.buttonDistrict")}
      </Button>
    </Link>
  );
}
