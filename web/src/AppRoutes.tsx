import { useQueryClient } from "@tanstack/react-query";
import { Spin } from "antd";
import { type ComponentType, lazy, Suspense } from "react";
import { Navigate, Route, Routes, useLocation, useSearchParams } from "react-router";
import { AppLayout } from "./components/AppLayout";
import { prefetchOutline } from "./features/battle-map/outline-query";
import { useSession } from "./hooks/use-session";
import { LoginPage } from "./pages/LoginPage";

type PageModule = { default?: ComponentType; BattleMapPage?: ComponentType };
// The battle-map page is built by another engineer; use theirs when it exists, else a plain host.
const battleMapPages = import.meta.glob<PageModule>("./pages/BattleMapPage.tsx");
const loadBattleMapPage = battleMapPages["./pages/BattleMapPage.tsx"];
let battleMapPage: ComponentType | null = null;
const loadBattleMap = async () => {
  const m: PageModule = loadBattleMapPage ? await loadBattleMapPage() : await import("./pages/BattleMapHost");
  const C = m.default ?? m.BattleMapPage;
  if (!C) throw new Error("BattleMapPage has no component export");
  battleMapPage = C;
  return { default: C };
};
// Opened straight at the battle map (a link, a reload), its code loads beside the session: a lazy
// page that suspends is revealed up to 300 ms after its code arrives (React's fallback throttle).
if (typeof window !== "undefined" && window.location.pathname.startsWith("/battle-map")) void loadBattleMap();
const BattleMap = lazy(loadBattleMap);
/** The battle map's route: its outline is fetched while the page's code loads. */
function BattleMapRoute() {
  const client = useQueryClient();
  const [params] = useSearchParams();
  prefetchOutline(client, params);
  const Page = battleMapPage;
  return Page ? <Page /> : <BattleMap />;
}
const named = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));
const Overview = named(() => import("./pages/OverviewPage"), "OverviewPage");
const TaskForces = named(() => import("./pages/TaskForcesPage"), "TaskForcesPage");
const TaskForce = named(() => import("./pages/TaskForcePage"), "TaskForcePage");
const MyTasks = named(() => import("./pages/MyTasksPage"), "MyTasksPage");
const Supervision = named(() => import("./pages/SupervisionPage"), "SupervisionPage");
const Check = named(() => import("./pages/CheckPage"), "CheckPage");
const Cascade = named(() => import("./pages/CascadePage"), "CascadePage");
const Assessments = named(() => import("./pages/AssessmentsPage"), "AssessmentsPage");
const Dispatch = named(() => import("./pages/DispatchPage"), "DispatchPage");
const Ledger = named(() => import("./pages/LedgerPage"), "LedgerPage");
const Extensions = named(() => import("./pages/ExtensionsPage"), "ExtensionsPage");
const Inbox = named(() => import("./pages/InboxPage"), "InboxPage");
const Outbox = named(() => import("./pages/OutboxPage"), "OutboxPage");
const BigScreen = named(() => import("./pages/BigScreenPage"), "BigScreenPage");
const PrintTaskBook = named(() => import("./features/print/PrintTaskBook"), "PrintTaskBook");
const PrintNotice = named(() => import("./features/print/PrintSupervisionNotice"), "PrintSupervisionNotice");
const PrintTaskTimeline = named(() => import("./features/print/PrintTimeline"), "PrintTaskTimeline");
const PrintItemTimeline = named(() => import("./features/print/PrintTimeline"), "PrintItemTimeline");
const PrintAnswerSheet = named(() => import("./features/print/PrintAnswerSheet"), "PrintAnswerSheet");
const AdminOrg = named(() => import("./pages/AdminOrgPage"), "AdminOrgPage");
const AdminUsers = named(() => import("./pages/AdminUsersPage"), "AdminUsersPage");
const AdminSettings = named(() => import("./pages/AdminSettingsPage"), "AdminSettingsPage");
const NotFound = named(() => import("./pages/NotFoundPage"), "NotFoundPage");

const fallback = (
  <div role="status" style={{ padding: 64, textAlign: "center" }}>
    <Spin />
  </div>
);

/** Sends signed-out visitors to the login page, remembering where they were going. */
function RequireAuth({ children }: { children: React.ReactNode }) {
  const session = useSession();
  const loc = useLocation();
  if (session.isPending) return fallback;
  if (!session.data)
    return <Navigate to={`/login?next=${encodeURIComponent(loc.pathname + loc.search)}`} replace />;
  return <>{children}</>;
}

/** The routes of the app. */
export function AppRoutes() {
  return (
    <Suspense fallback={fallback}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          path="/big-screen"
          element={
            <RequireAuth>
              <BigScreen />
            </RequireAuth>
          }
        />
        {/* Printable documents: A4 pages without the app's frame. */}
        <Route
          path="/print/task-forces/:id"
          element={
            <RequireAuth>
              <PrintTaskBook />
            </RequireAuth>
          }
        />
        <Route
          path="/print/supervision-items/:id"
          element={
            <RequireAuth>
              <PrintNotice />
            </RequireAuth>
          }
        />
        <Route
          path="/print/tasks/:id/timeline"
          element={
            <RequireAuth>
              <PrintTaskTimeline />
            </RequireAuth>
          }
        />
        <Route
          path="/print/supervision-items/:id/timeline"
          element={
            <RequireAuth>
              <PrintItemTimeline />
            </RequireAuth>
          }
        />
        <Route
          path="/print/answer-sheet"
          element={
            <RequireAuth>
              <PrintAnswerSheet />
            </RequireAuth>
          }
        />
        <Route
          element={
            <RequireAuth>
              <AppLayout />
            </RequireAuth>
          }
        >
          <Route index element={<Overview />} />
          <Route path="battle-map" element={<BattleMapRoute />} />
          <Route path="task-forces" element={<TaskForces />} />
          <Route path="task-forces/:id" element={<TaskForce />} />
          <Route path="my" element={<MyTasks />} />
          <Route path="supervision" element={<Supervision />} />
          <Route path="check" element={<Check />} />
          <Route path="indicators/:id/cascade" element={<Cascade />} />
          <Route path="assessments" element={<Assessments />} />
          <Route path="dispatch" element={<Dispatch />} />
          <Route path="ledger" element={<Ledger />} />
          <Route path="extensions" element={<Extensions />} />
          <Route path="outbox" element={<Outbox />} />
          <Route path="inbox" element={<Inbox />} />
          <Route path="admin/users" element={<AdminUsers />} />
          <Route path="admin/settings" element={<AdminSettings />} />
          <Route path="admin/org" element={<AdminOrg />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
