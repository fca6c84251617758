/**
 * Bench harness (`npm run bench:ui` when the app does not route /battle-map yet): the real
 * BattleMapPage with its providers; `?screen=dark` shows the big-screen (大屏) map alone.
 */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { theme as antdTheme, ConfigProvider } from "antd";
import zhCN from "antd/locale/zh_CN";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import BattleMapPage from "../../../pages/BattleMapPage";
import { BattleMapLegend } from "../BattleMapLegend";
import { BattleMapView } from "../BattleMapView";
import { useBattleMapQuery } from "../use-battle-map-query";

function BigScreen() {
  const q = useBattleMapQuery();
  return (
    <div style={{ background: "#0b1220", minHeight: "100vh", padding: 24, boxSizing: "border-box" }}>
      <div style={{ color: "#e8eef8", fontSize: 36, fontWeight: 600, marginBottom: 12 }}>
        挂图作战 · 作战图
      </div>
      <div style={{ marginBottom: 12 }}>
        <BattleMapLegend lang="zh" theme="dark" />
      </div>
      {q.data && (
        <BattleMapView data={q.data} lang="zh" zoom="month" theme="dark" height="calc(100vh - 150px)" />
      )}
    </div>
  );
}

const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
const dark = new URLSearchParams(location.search).get("screen") === "dark";
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={dark ? { algorithm: antdTheme.darkAlgorithm } : undefined}>
      <QueryClientProvider client={client}>
        <BrowserRouter>{dark ? <BigScreen /> : <BattleMapPage />}</BrowserRouter>
      </QueryClientProvider>
    </ConfigProvider>
  </StrictMode>,
);
