import { Space, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { LIGHT_ORDER } from "../../charts/colors";
import type { LightCounts } from "../../charts/light-counts";
import { LIGHT_TAG_COLORS } from "../../components/LightTag";

/** Counts by light as labelled tags (text + number, colour as a second carrier). */
export function LightCountsBar({ counts, large }: { counts: LightCounts; large?: boolean }) {
  const { t } = useTranslation();
  return (
    <Space wrap aria-label={t("overview.counts")}>
      {LIGHT_ORDER.map((c) => (
        <Tag
          key={c}
          color={LIGHT_TAG_COLORS[c]}
          style={large ? { fontSize: "1.3em", padding: "6px 14px" } : { fontSize: 14, padding: "4px 10px" }}
          data-count={c}
        >
          {t(`lights.${c}`)} <strong>{counts[c]}</strong>
        </Tag>
      ))}
    </Space>
  );
}
