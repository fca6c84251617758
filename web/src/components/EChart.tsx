import type { EChartsOption } from "echarts";
import { BarChart, GaugeChart, LineChart } from "echarts/charts";
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  TooltipComponent,
} from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import { useReducedMotion } from "../hooks/use-reduced-motion";

echarts.use([
  LineChart,
  BarChart,
  GaugeChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  MarkLineComponent,
  MarkPointComponent,
  CanvasRenderer,
]);

/**
 * An ECharts chart from an option built by a pure function in `charts/`; `label` names it for
 * screen readers. Only the chart types the app uses are bundled.
 */
export function EChart({
  option,
  height,
  label,
}: {
  option: EChartsOption;
  height: number | string;
  label: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const still = useReducedMotion();
  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current, undefined, { renderer: "canvas" });
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(ref.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    // Under reduced motion the chart is drawn at once, not grown.
    chart.current?.setOption(still ? { ...option, animation: false } : option, {
      notMerge: true,
      lazyUpdate: true,
    });
  }, [option, still]);
  return <div ref={ref} role="img" aria-label={label} style={{ height, width: "100%" }} />;
}
