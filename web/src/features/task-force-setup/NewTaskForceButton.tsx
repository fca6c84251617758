import { PlusOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SetupWizard } from "./SetupWizard";
import { useMaySetUp } from "./use-task-force-setup";

/** 新建专班: opens the setup wizard; shown only to those who may create task forces. */
export function NewTaskForceButton() {
  const { t } = useTranslation();
  const may = useMaySetUp();
  const [open, setOpen] = useState(false);
  if (!may) return null;
  return (
    <>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        onClick={() => setOpen(true)}
        data-testid="new-task-force"
      >
        {t("tfs.create")}
      </Button>
      <SetupWizard open={open} onClose={() => setOpen(false)} />
    </>
  );
}
