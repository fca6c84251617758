import {
  AlertOutlined,
  AppstoreOutlined,
  BarChartOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  DesktopOutlined,
  FieldTimeOutlined,
  FileExcelOutlined,
  FileTextOutlined,
  LogoutOutlined,
  ProfileOutlined,
  ScheduleOutlined,
  SendOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import { Button, Layout, Menu, Select, Space, Spin, Typography } from "antd";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Outlet, useLocation, useNavigate } from "react-router";
import { InboxBell } from "../features/chasing/InboxBell";
import { useCan } from "../hooks/use-can";
import { useLang } from "../hooks/use-lang";
import { useLogout, useSession } from "../hooks/use-session";
import { selectedNavKeys } from "./nav-selection";

/** The navigation entries the user's permissions allow, in order. */
function useNavItems() {
  const { t } = useTranslation();
  const can = useCan();
  const items = [
    { key: "/", icon: <DashboardOutlined />, label: t("nav.overview") },
    { key: "/battle-map", icon: <ScheduleOutlined />, label: t("nav.battleMap") },
    { key: "/task-forces", icon: <TeamOutlined />, label: t("nav.taskForces") },
  ];
  if (can.seeMyTasks) items.push({ key: "/my", icon: <ProfileOutlined />, label: t("nav.myTasks") });
  if (can.seeSupervisionQueue || can.raiseSupervision)
    items.push({ key: "/supervision", icon: <AlertOutlined />, label: t("nav.supervision") });
  if (can.rule("read:check"))
    items.push({ key: "/check", icon: <CheckSquareOutlined />, label: t("nav.check") });
  if (can.readAssessments)
    items.push({ key: "/assessments", icon: <BarChartOutlined />, label: t("nav.assessments") });
  if (can.readDispatchReport)
    items.push({ key: "/dispatch", icon: <FileTextOutlined />, label: t("nav.dispatch") });
  // 待审批延期: whoever may decide 延期申请 (leads see their own task forces' requests).
  if (can.rule("extension-requests:approve"))
    items.push({ key: "/extensions", icon: <FieldTimeOutlined />, label: t("nav.extensions") });
  items.push({ key: "/ledger", icon: <FileExcelOutlined />, label: t("nav.ledger") });
  if (can.rule("read:outbox")) items.push({ key: "/outbox", icon: <SendOutlined />, label: t("nav.outbox") });
  items.push({ key: "/big-screen", icon: <DesktopOutlined />, label: t("nav.bigScreen") });
  return items;
}

/** The app shell: side navigation by role, language switch, the user and sign-out. */
export function AppLayout() {
  const { t } = useTranslation();
  const nav = useNavigate();
  const loc = useLocation();
  const session = useSession().data;
  const logout = useLogout();
  const { lang, setLang } = useLang();
  const items = useNavItems();
  const selected = selectedNavKeys(
    items.map((i) => i.key),
    loc.pathname,
  );
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <a className="skip-link" href="#main">
        {t("app.skip")}
      </a>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} theme="dark" width={200}>
        <div style={{ color: "#fff", padding: "16px 20px", fontSize: 20, fontWeight: 700 }}>
          <AppstoreOutlined /> {t("app.name")}
        </div>
        <nav aria-label={t("app.title")}>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={selected}
            items={items}
            onClick={(e) => nav(e.key)}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="no-print app-header">
          <Typography.Text strong>{t("app.title")}</Typography.Text>
          <Space>
            <Select
              aria-label={t("nav.language")}
              data-testid="lang-select"
              value={lang}
              onChange={setLang}
              style={{ width: 110 }}
              options={[
                { value: "zh-CN", label: "简体中文" },
                { value: "en", label: "English" },
              ]}
            />
            <InboxBell />
            <span data-testid="whoami">
              {session?.user.displayName} · {session?.roles.map((r) => t(`roles.${r}`)).join("、")}
            </span>
            <Button icon={<LogoutOutlined />} onClick={() => logout.mutate()} loading={logout.isPending}>
              {t("nav.signOut")}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content id="main" tabIndex={-1} style={{ margin: 16 }}>
          <Suspense fallback={<Spin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
