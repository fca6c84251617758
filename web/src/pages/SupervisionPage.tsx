import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Segmented, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { QueryState } from "../components/QueryState";
import {
  parseQueueFilter,
  QUEUE_FILTERS,
  type QueueFilter,
  queueQuery,
  queueSearch,
} from "../features/reporting/queue-params";
import { RaiseItemModal } from "../features/reporting/RaiseItemModal";
import { SupervisionTable } from "../features/reporting/SupervisionTable";
import { useCan } from "../hooks/use-can";
import { useSupervisionItems } from "../hooks/use-data";
import { useIsPhone } from "../hooks/use-is-phone";

/** The supervisor's queue (督办队列): raise, return, verify (销号); the state filter lives in `?state=`. */
export function SupervisionPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const filter = parseQueueFilter(params);
  const setFilter = (f: QueueFilter) => setParams((prev) => queueSearch(prev, f));
  const q = useSupervisionItems(queueQuery(filter));
  const [raising, setRaising] = useState(false);
  // A phone has no room beside the title: the filter and 下发督办单 go above the cards.
  const phone = useIsPhone();
  const controls = (
    <Space wrap>
      <Segmented<QueueFilter>
        value={filter}
        onChange={setFilter}
        style={{ maxWidth: "100%", overflowX: "auto" }}
        options={QUEUE_FILTERS.map((s) => ({
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
  );
  return (
    <Card title={t("sup.queue")} extra={phone ? null : controls} size={phone ? "small" : undefined}>
      {phone ? <div style={{ marginBottom: 12 }}>{controls}</div> : null}
      <QueryState query={q} isEmpty={(p) => p.items.length === 0}>
        {(p) => <SupervisionTable items={p.items} showTaskForce />}
      </QueryState>
      <RaiseItemModal open={raising} onClose={() => setRaising(false)} />
    </Card>
  );
}
