import { Card, Checkbox, Segmented, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { QueryState } from "../components/QueryState";
import {
  BattleMapLegend,
  BattleMapView,
  UnschedulableNotice,
  useBattleMapQuery,
  type Zoom,
} from "../features/battle-map";
import { useLang } from "../hooks/use-lang";

/** A plain host of the battle map, used until the battle-map page of its own feature exists. */
export default function BattleMapHost() {
  const { t } = useTranslation();
  const { short } = useLang();
  const q = useBattleMapQuery();
  const nav = useNavigate();
  const [zoom, setZoom] = useState<Zoom>("month");
  const [critical, setCritical] = useState(false);
  return (
    <Card
      title={t("bm.title")}
      extra={
        <Space>
          <Segmented<Zoom>
            value={zoom}
            onChange={setZoom}
            options={(["week", "month", "quarter"] as const).map((z) => ({ value: z, label: t(`bm.${z}`) }))}
          />
          <Checkbox checked={critical} onChange={(e) => setCritical(e.target.checked)}>
            {t("bm.criticalOnly")}
          </Checkbox>
        </Space>
      }
    >
      <BattleMapLegend lang={short} />
      <QueryState query={q}>
        {(data) => (
          <>
            <UnschedulableNotice data={data} lang={short} />
            <BattleMapView
              data={data}
              lang={short}
              zoom={zoom}
              criticalOnly={critical}
              height="calc(100vh - 260px)"
              onOpenTask={(id) => {
                const tf = data.tasks.find((x) => x.id === id)?.taskForceId;
                if (tf) nav(`/task-forces/${tf}?tab=tasks&task=${id}`);
              }}
            />
          </>
        )}
      </QueryState>
    </Card>
  );
}
