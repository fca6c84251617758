import {
  CheckCircleFilled,
  ClockCircleOutlined,
  CloseCircleFilled,
  ExclamationCircleFilled,
  MinusCircleOutlined,
} from "@ant-design/icons";
import { Popover, Tag } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { LightColor } from "../api/types";

/** What a reason needs to be shown: its code and its text in both languages. */
export type ReasonText = {
  readonly code: string;
  readonly text: { readonly zh: string; readonly en: string };
};

import { useLang } from "../hooks/use-lang";

/**
 * A light's colour as text (antd draws a tag's text in it on a pale tint of it) and as a fill under
 * white text: the chart colours (LIGHT_HEX) a shade darker, so both reach 4.5:1 (WCAG 1.4.3).
 */
export const LIGHT_TAG_COLORS: Readonly<Record<LightColor, string>> = {
  red: "#cf1322",
  yellow: "#9a5b00",
  green: "#237804",
  grey: "#5f5f5f",
  blue: "#0958d9",
};

const ICONS: Record<LightColor, ReactNode> = {
  red: <CloseCircleFilled />,
  yellow: <ExclamationCircleFilled />,
  green: <CheckCircleFilled />,
  grey: <ClockCircleOutlined />,
  blue: <MinusCircleOutlined />,
};

/** A light (亮灯) as colour + icon + text, never colour alone; hover or focus shows its reasons. */
export function LightTag({
  color,
  reasons,
  compact,
}: {
  color: LightColor;
  reasons?: readonly ReasonText[];
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const { short } = useLang();
  const tag = (
    <Tag
      color={LIGHT_TAG_COLORS[color]}
      icon={ICONS[color]}
      data-light={color}
      tabIndex={reasons?.length ? 0 : undefined}
      style={{ marginInlineEnd: 0 }}
    >
      {compact ? null : t(`lights.${color}`)}
      {compact ? <span className="sr-only">{t(`lights.${color}`)}</span> : null}
    </Tag>
  );
  if (!reasons?.length) return tag;
  return (
    <Popover
      trigger={["hover", "focus"]}
      title={t("common.reasons")}
      content={
        <ul style={{ maxWidth: 420, margin: 0, paddingInlineStart: 18 }}>
          {reasons.slice(0, 12).map((r) => (
            <li key={`${r.code}-${r.text.en}`}>{r.text[short]}</li>
          ))}
          {reasons.length > 12 ? <li>… +{reasons.length - 12}</li> : null}
        </ul>
      }
    >
      {tag}
    </Popover>
  );
}

/** The reasons of a light as a plain list (print and detail views). */
export function ReasonList({ reasons }: { reasons: readonly ReasonText[] }) {
  const { short } = useLang();
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {reasons.map((r) => (
        <li key={`${r.code}-${r.text.en}`}>{r.text[short]}</li>
      ))}
    </ul>
  );
}
