import { LightIcon } from "./BattleMapLegend";
import { lightStyle } from "./lights";
import type { TooltipContent } from "./tooltip";
import type { Lang, Theme } from "./types";

/** Props of the hover tooltip. */
export interface BattleMapTooltipProps {
  readonly content: TooltipContent;
  readonly x: number;
  readonly y: number;
  readonly bounds: { width: number; height: number };
  readonly theme: Theme;
  readonly lang: Lang;
  /** Size factor of the map (2 on a 3840×2160 big screen); default 1. */
  readonly magnify?: number;
}

/** The hover card: the row's title, its light in words and colour, the reasons and key dates. */
export function BattleMapTooltip({ content, x, y, bounds, theme, lang, magnify = 1 }: BattleMapTooltipProps) {
  const dark = theme === "dark";
  const k = magnify;
  const style = lightStyle(content.color, theme, lang);
  const width = (dark ? 460 : 340) * k;
  const left = Math.max(8, Math.min(x + 16, bounds.width - width - 8));
  // Height from the content (reasons may wrap to two lines), so the card flips above when needed.
  const line = (dark ? 18 : 13) * 1.5 * k;
  const listed = content.indicators ? content.indicators.items.length + 1.2 : 0;
  const estimate =
    line * (2.4 + content.reasons.length * 1.7 + content.lines.length + listed) + (dark ? 28 : 20) * k;
  const below = y + 20;
  const top = below + estimate > bounds.height ? Math.max(8, y - estimate - 10) : below;
  return (
    <div
      role="tooltip"
      style={{
        position: "absolute",
        left,
        top,
        width,
        pointerEvents: "none",
        zIndex: 10,
        padding: dark ? `${14 * k}px ${18 * k}px` : `${10 * k}px ${12 * k}px`,
        borderRadius: 8,
        background: dark ? "rgba(15, 24, 41, 0.96)" : "rgba(255, 255, 255, 0.98)",
        color: dark ? "#e8eef8" : "#1f2733",
        boxShadow: "0 6px 24px rgba(0, 0, 0, 0.22)",
        border: `1px solid ${dark ? "#2a3a5c" : "#d5dae2"}`,
        fontSize: (dark ? 18 : 13) * k,
        lineHeight: 1.5,
      }}
    >
      <div style={{ fontWeight: 600, marginBottom: 4 }}>{content.title}</div>
      <div style={{ display: "flex", alignItems: "center", gap: 6, marginBottom: 4 }}>
        <LightIcon shape={style.shape} style={style} size={(dark ? 20 : 14) * k} />
        <strong style={{ color: style.strong }}>{content.lightLabel}</strong>
      </div>
      {content.reasons.length > 0 && (
        <ul style={{ margin: "0 0 6px", paddingLeft: 18 }}>
          {content.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      <table style={{ borderCollapse: "collapse", width: "100%" }}>
        <tbody>
          {content.lines.map(([label, value]) => (
            <tr key={label}>
              <td style={{ opacity: 0.7, paddingRight: 8, whiteSpace: "nowrap" }}>{label}</td>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {content.indicators ? (
        <div
          data-tooltip-indicators={content.indicators.atRisk ? "at-risk" : "advanced"}
          style={{ marginTop: 6 }}
        >
          <div style={{ fontWeight: 600, color: content.indicators.atRisk ? style.strong : undefined }}>
            {content.indicators.heading}
          </div>
          <ul style={{ margin: 0, paddingLeft: 0, listStyle: "none" }}>
            {content.indicators.items.map((i) => {
              const s = lightStyle(i.color, theme, lang);
              return (
                <li key={i.label} style={{ display: "flex", alignItems: "center", gap: 6 }}>
                  <LightIcon shape={s.shape} style={s} size={(dark ? 18 : 12) * k} />
                  <span>{i.label}</span>
                  <strong style={{ color: s.strong, whiteSpace: "nowrap" }}>{i.lightLabel}</strong>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
