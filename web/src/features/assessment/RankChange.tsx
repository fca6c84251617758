import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from "@ant-design/icons";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { ComparedRow } from "./compare";

/** A rank change as arrow + number + words (never colour alone): ↑2 上升2位, ↓1 下降1位, 持平, 新增. */
export function RankChange({ row }: { row: ComparedRow }) {
  const { t } = useTranslation();
  const n = Math.abs(row.rankChange ?? 0);
  switch (row.movement) {
    case "up":
      return (
        <Tag color="green" icon={<ArrowUpOutlined />} data-movement="up" aria-label={t("assess.up", { n })}>
          {t("assess.up", { n })}
        </Tag>
      );
    case "down":
      return (
        <Tag
          color="red"
          icon={<ArrowDownOutlined />}
          data-movement="down"
          aria-label={t("assess.down", { n })}
        >
          {t("assess.down", { n })}
        </Tag>
      );
    case "same":
      return (
        <Tag icon={<MinusOutlined />} data-movement="same">
          {t("assess.same")}
        </Tag>
      );
    case "new":
      return (
        <Tag color="blue" data-movement="new">
          {t("assess.new")}
        </Tag>
      );
    default:
      return <span data-movement="unranked">—</span>;
  }
}

/** A score delta with its sign (+3.5 / −2 / 0), or a dash when not comparable. */
export function ScoreDelta({ delta }: { delta: number | null }) {
  if (delta === null) return <span>—</span>;
  const text = delta > 0 ? `+${delta}` : delta < 0 ? `−${Math.abs(delta)}` : "0";
  return (
    <span data-delta={delta} style={{ color: delta > 0 ? "#389e0d" : delta < 0 ? "#cf1322" : undefined }}>
      {text}
    </span>
  );
}
