import { Alert, Button, Empty, Flex, Segmented, Select, Space, Spin, Switch, Typography } from "antd";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import {
  BattleMapLegend,
  BattleMapView,
  type Lang,
  LIGHT_COLORS,
  lightStyle,
  UnschedulableNotice,
  type Zoom,
} from "../features/battle-map";
import { useBattleMapPage } from "../features/battle-map/use-battle-map-page";
import { useFillHeight } from "../features/battle-map/use-fill-height";
import { useIndicatorLookup } from "../features/battle-map/use-indicator-lookup";

const TEXT = {
  zh: {
    title: "作战图",
    taskForce: "专班",
    unit: "责任单位",
    person: "责任人",
    light: "亮灯",
    critical: "只看关键环节",
    reset: "重置",
    zoom: { week: "周", month: "月", quarter: "季" },
    error: "作战图加载失败",
    retry: "重试",
    empty: "没有符合条件的任务",
    compare: "对比基线（至多两版）",
    version: (n: number) => `第 ${n} 版基线`,
  },
  en: {
    title: "Battle map",
    taskForce: "Task force",
    unit: "Responsible unit",
    person: "Responsible person",
    light: "Light",
    critical: "Critical chain only",
    reset: "Reset",
    zoom: { week: "Week", month: "Month", quarter: "Quarter" },
    error: "The battle map could not be loaded",
    retry: "Retry",
    empty: "No task matches the filters",
    compare: "Compare baselines (up to two)",
    version: (n: number) => `Baseline ${n}`,
  },
} as const;

const NONE_OPENED: ReadonlySet<string> = new Set();

/** The battle-map page (作战图, route /battle-map): filters, zoom, legend and the map. */
export default function BattleMapPage() {
  const { i18n } = useTranslation();
  const lang: Lang = i18n?.language?.startsWith("en") ? "en" : "zh";
  const t = TEXT[lang];
  const p = useBattleMapPage(lang);
  const mapRef = useRef<HTMLDivElement>(null);
  const height = useFillHeight(mapRef);
  // Until the map's size is known no indicator is fetched: a province's whole cascade is 12 MB.
  const indicators = useIndicatorLookup(p.query.open?.opened ?? (p.query.data ? undefined : NONE_OPENED));
  const o = p.options;
  const wide = { minWidth: 180, maxWidth: 320 };
  return (
    <Flex vertical gap={12} style={{ padding: 16 }}>
      <Flex align="center" justify="space-between" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t.title}
        </Typography.Title>
        <Segmented<Zoom>
          aria-label="zoom"
          value={p.zoom}
          onChange={p.setZoom}
          options={(["week", "month", "quarter"] as const).map((z) => ({ value: z, label: t.zoom[z] }))}
        />
      </Flex>
      <Space wrap size={[8, 8]}>
        <Select
          mode="multiple"
          allowClear
          placeholder={t.taskForce}
          aria-label={t.taskForce}
          style={wide}
          maxTagCount={1}
          value={p.filter.taskForceIds}
          onChange={(v) => p.setFilter({ taskForceIds: v })}
          options={o?.taskForces.map((x) => ({ ...x }))}
          optionFilterProp="label"
        />
        <Select
          allowClear
          showSearch
          placeholder={t.unit}
          aria-label={t.unit}
          style={wide}
          value={p.filter.responsibleUnitId ?? undefined}
          onChange={(v) => p.setFilter({ responsibleUnitId: v ?? null })}
          options={o?.units.map((x) => ({ ...x }))}
          optionFilterProp="label"
        />
        <Select
          allowClear
          showSearch
          placeholder={t.person}
          aria-label={t.person}
          style={wide}
          value={p.filter.responsiblePersonId ?? undefined}
          onChange={(v) => p.setFilter({ responsiblePersonId: v ?? null })}
          options={o?.persons.map((x) => ({ ...x }))}
          optionFilterProp="label"
        />
        <Select
          mode="multiple"
          allowClear
          placeholder={t.light}
          aria-label={t.light}
          style={{ minWidth: 160 }}
          value={p.filter.lights}
          onChange={(v) => p.setFilter({ lights: v })}
          options={LIGHT_COLORS.map((c) => ({ value: c, label: lightStyle(c, "light", lang).label }))}
        />
        <Space>
          <Switch
            checked={p.filter.criticalOnly}
            onChange={(v) => p.setFilter({ criticalOnly: v })}
            aria-label={t.critical}
          />
          <span>{t.critical}</span>
        </Space>
        <Select
          mode="multiple"
          allowClear
          data-testid="compare-baselines"
          placeholder={t.compare}
          aria-label={t.compare}
          style={{ minWidth: 220 }}
          value={p.baselines}
          onChange={(v: number[]) => p.setBaselines(v)}
          options={(p.query.data?.baselineNumbers ?? []).map((n) => ({ value: n, label: t.version(n) }))}
        />
        <Button onClick={p.reset}>{t.reset}</Button>
      </Space>
      <BattleMapLegend lang={lang} compared={p.baselines} />
      {p.query.data && <UnschedulableNotice data={p.query.data} lang={lang} />}
      <div ref={mapRef}>
        {p.query.isPending && <Spin size="large" style={{ margin: 48 }} />}
        {p.query.isError && (
          <Alert
            type="error"
            showIcon
            message={t.error}
            description={p.query.error?.message}
            action={<Button onClick={() => p.query.refetch()}>{t.retry}</Button>}
          />
        )}
        {p.query.data &&
          (p.query.data.tasks.length === 0 && Object.keys(p.query.data.outline ?? {}).length === 0 ? (
            <Empty description={t.empty} />
          ) : (
            <BattleMapView
              data={p.query.data}
              lang={lang}
              zoom={p.zoom}
              filter={p.mapFilter}
              onOpenTask={p.openTask}
              height={height}
              indicators={indicators}
              open={p.query.open}
            />
          ))}
      </div>
    </Flex>
  );
}
