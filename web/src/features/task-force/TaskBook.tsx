import { PrinterOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Goal, TaskForceFull } from "../../api/types";
import { useCheck, type useNames, useSettings } from "../../hooks/use-data";
import { TaskBookDocument } from "../print/PrintTaskBook";
import { TaskBookEditor } from "../task-force-setup/TaskBookEditor";

type Names = ReturnType<typeof useNames>;

/**
 * The task book (任务书) of the task force's workspace: the printed document itself, as sheets of
 * paper, with a button to its print page (A4, one page per section; the browser saves it as PDF) and,
 * for those who may, one to edit its text.
 */
export function TaskBook(props: { full: TaskForceFull; names: Names; goals: readonly Goal[] }) {
  const { t } = useTranslation();
  const settings = useSettings();
  const check = useCheck();
  return (
    <>
      <div
        className="no-print"
        style={{ display: "flex", justifyContent: "flex-end", gap: 8, marginBottom: 8 }}
      >
        <TaskBookEditor taskForce={props.full.taskForce} />
        <Link
          to={`/print/task-forces/${encodeURIComponent(props.full.taskForce.id)}`}
          data-testid="print-task-book-link"
        >
          <Button type="primary" icon={<PrinterOutlined />}>
            {t("print.printTaskBook")}
          </Button>
        </Link>
      </div>
      <div className="print-doc print-doc-embedded" data-testid="task-book">
        {settings.data ? (
          <TaskBookDocument
            full={props.full}
            names={props.names}
            goals={props.goals}
            documents={settings.data.documents}
            check={check.data}
          />
        ) : null}
      </div>
    </>
  );
}
