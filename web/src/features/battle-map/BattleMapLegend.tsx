import type { ReactNode } from "react";
import { ClaimedLegendSwatch } from "../completion/ClaimedLegendSwatch";
import { claimedLegendText } from "../completion/claimed-marks";
import { type LightShape, type LightStyle, legendEntries } from "./lights";
import { themeSpec } from "./theme";
import type { Lang, Theme } from "./types";

/** A light's icon as SVG (the same shapes the canvas draws). */
export function LightIcon({
  shape,
  style,
  size = 14,
}: {
  shape: LightShape;
  style: LightStyle;
  size?: number;
}) {
  const white = "#fff";
  const body: Record<LightShape, ReactNode> = {
    alert: (
      <>
        <rect x="1" y="1" width="12" height="12" rx="3" fill={style.icon} />
        <rect x="6.2" y="3.2" width="1.6" height="5" fill={white} />
        <rect x="6.2" y="9.4" width="1.6" height="1.6" fill={white} />
      </>
    ),
    warn: (
      <>
        <path d="M7 0.8 L13.4 12.6 L0.6 12.6 Z" fill={style.fill} />
        <rect x="6.2" y="4.6" width="1.6" height="4.4" fill="#3d2a00" />
        <rect x="6.2" y="10" width="1.6" height="1.6" fill="#3d2a00" />
      </>
    ),
    dot: <circle cx="7" cy="7" r="6" fill={style.fill} />,
    ring: <circle cx="7" cy="7" r="5" fill="none" stroke={style.strong} strokeWidth="2" />,
    check: (
      <>
        <circle cx="7" cy="7" r="6.4" fill={style.fill} />
        <path d="M4 7.2 L6.2 9.6 L10.2 4.8" fill="none" stroke={white} strokeWidth="1.8" />
      </>
    ),
  };
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 14 14"
      aria-hidden="true"
      style={{ verticalAlign: "middle" }}
    >
      {body[shape]}
    </svg>
  );
}

const MARKS = {
  zh: {
    milestone: "进度节点",
    baseline: "基准计划",
    late: "最迟开始（倒排）",
    float: "时差",
    critical: "关键环节",
    status: "状态日",
    dependency: "前置关系",
  },
  en: {
    milestone: "Milestone",
    baseline: "Baseline",
    late: "Latest start (backward)",
    float: "Float",
    critical: "Critical chain",
    status: "Status date",
    dependency: "Dependency",
  },
} as const;

/** The legend: every light with its shape and name, and every other mark of the map. */
export function BattleMapLegend({
  lang,
  theme = "light",
  compared = [],
}: {
  lang: Lang;
  theme?: Theme;
  /** Numbers of the baselines drawn above the bars, in their colours. */
  compared?: readonly number[];
}) {
  const spec = themeSpec(theme);
  const t = MARKS[lang];
  const size = theme === "dark" ? 20 : 14;
  const item = (key: string, icon: ReactNode, text: string) => (
    <span key={key} style={{ display: "inline-flex", alignItems: "center", gap: 5, marginRight: 14 }}>
      {icon}
      <span>{text}</span>
    </span>
  );
  const svg = (children: ReactNode, w = 22) => (
    <svg width={w * (size / 14)} height={size} viewBox={`0 0 ${w} 14`} aria-hidden="true">
      {children}
    </svg>
  );
  return (
    <div style={{ display: "flex", flexWrap: "wrap", rowGap: 4, color: spec.text, fontSize: spec.fontSize }}>
      {legendEntries(theme, lang).map((e) =>
        item(e.color, <LightIcon shape={e.shape} style={e} size={size} />, e.label),
      )}
      {item("ms", svg(<path d="M11 1 L17 7 L11 13 L5 7 Z" fill="#5cc98a" stroke="#2e8b57" />), t.milestone)}
      {item("bl", svg(<rect x="1" y="9" width="20" height="3" fill={spec.baseline} />), t.baseline)}
      {compared.map((n, i) =>
        item(
          `cmp-${n}`,
          svg(<rect x="1" y="2" width="20" height="3" fill={spec.compare[i] ?? spec.baseline} />),
          lang === "zh" ? `第 ${n} 版基线` : `Baseline ${n}`,
        ),
      )}
      {item(
        "late",
        svg(
          <>
            <path d="M7 1 L15 1 L11 6 Z" fill={spec.late} />
            <rect x="10.3" y="5" width="1.4" height="8" fill={spec.late} />
          </>,
        ),
        t.late,
      )}
      {item(
        "float",
        svg(<path d="M1 7 H20 M20 3 V11" stroke={spec.muted} strokeDasharray="3 3" fill="none" />),
        t.float,
      )}
      {item(
        "crit",
        svg(
          <rect
            x="2"
            y="3"
            width="18"
            height="8"
            rx="2"
            fill="#c4c9d1"
            stroke={spec.critical}
            strokeWidth="2"
          />,
        ),
        t.critical,
      )}
      {item(
        "dep",
        svg(
          <>
            <path d="M1 3 H8 V11 H16" stroke={spec.arrow} fill="none" />
            <path d="M21 11 L15 8 L15 14 Z" fill={spec.arrow} />
          </>,
        ),
        t.dependency,
      )}
      {item("sd", svg(<rect x="10" y="0" width="2" height="14" fill={spec.statusLine} />), t.status)}
      {item("claimed", svg(<ClaimedLegendSwatch spec={spec} />), claimedLegendText(lang))}
    </div>
  );
}
