import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Segmented, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { SupervisionItem } from "../api/types";
import { QueryState } from "../components/QueryState";
import { RaiseItemModal } from "../features/reporting/RaiseItemModal";
import { SupervisionTable } from "../features/reporting/SupervisionTable";
import { useCan } from "../hooks/use-can";
import { useSupervisionItems } from "../hooks/use-data";

type Filter = "all" | SupervisionItem["state"];

/** The supervisor's queue (督办队列): raise, return, verify (销号); submitted items first. */
export function SupervisionPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [filter, setFilter] = useState<Filter>("submitted");
  const q = useSupervisionItems(filter === "all" ? {} : { state: filter });
  const [raising, setRaising] = useState(false);
  return (
    <Card
      title={t("sup.queue")}
      extra={
        <Space>
          <Segmented<Filter>
            value={filter}
            onChange={setFilter}
            options={(["submitted", "rectifying", "open", "verified", "all"] as const).map((s) => ({
              value: s,
              label: s === "all" ? t("common.all") : t(`states.${s}`),
            }))}
          />
          {can.raiseSupervision ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRaising(true)}>
              {t("sup.raise")}
            </Button>
          ) : null}
        </Space>
      }
    >
      <QueryState query={q} isEmpty={(p) => p.items.length === 0}>
        {(p) => <SupervisionTable items={p.items} showTaskForce />}
      </QueryState>
      <RaiseItemModal open={raising} onClose={() => setRaising(false)} />
    </Card>
  );
}
