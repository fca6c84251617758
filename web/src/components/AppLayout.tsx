import {
  AlertOutlined,
  ApartmentOutlined,
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
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
} from "@ant-design/icons";
import { Button, Layout, Menu, Select, Space, Spin, Typography } from "antd";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Outlet, useLocation, useNavigate } from "react-router";
import { UserMenu } from "../features/admin-accounts/UserMenu";
import { InboxBell } from "../features/chasing/InboxBell";
import { DeferredReports } from "../features/phone/DeferredReports";
import { PhoneNav } from "../features/phone/PhoneNav";
import { HeaderSearch } from "../features/search/HeaderSearch";
import { useCan } from "../hooks/use-can";
import { useIsPhone } from "../hooks/use-is-phone";
import { useLang } from "../hooks/use-lang";
import { useLogout } from "../hooks/use-session";
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
  // 组织与人员: every role reads units, people and goals; write:org-units, write:persons or
  // write:goals adds that tab's edit controls on the page.
  items.push({ key: "/admin/org", icon: <ApartmentOutlined />, label: t("org.nav") });
  if (can.rule("read:outbox")) items.push({ key: "/outbox", icon: <SendOutlined />, label: t("nav.outbox") });
  if (can.rule("read:users"))
    items.push({ key: "/admin/users", icon: <UserOutlined />, label: t("adm.nav.users") });
  items.push({ key: "/admin/settings", icon: <SettingOutlined />, label: t("adm.nav.settings") });
  items.push({ key: "/big-screen", icon: <DesktopOutlined />, label: t("nav.bigScreen") });
  return items;
}

/** The app shell: side navigation by role, language switch, the user and sign-out. */
export function AppLayout() {
  const { t } = useTranslation();
  const nav = useNavigate();
  const loc = useLocation();
  const logout = useLogout();
  const { lang, setLang } = useLang();
  const items = useNavItems();
  // A phone gets a menu button and a drawer instead of the side navigation (features/phone).
  const phone = useIsPhone();
  const selected = selectedNavKeys(
    items.map((i) => i.key),
    loc.pathname,
  );
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <a className="skip-link" href="#main">
        {t("app.skip")}
      </a>
      <Layout.Sider
        breakpoint="lg"
        collapsedWidth={0}
        theme="dark"
        width={200}
        style={phone ? { display: "none" } : undefined}
      >
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
          {phone ? (
            <PhoneNav items={items} selected={selected} />
          ) : (
            <Typography.Text strong>{t("app.title")}</Typography.Text>
          )}
          <Space>
            <HeaderSearch />
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
            <DeferredReports />
            <UserMenu />
            {/* On a phone the user menu signs out: the header has no room for both. */}
            {phone ? null : (
              <Button icon={<LogoutOutlined />} onClick={() => logout.mutate()} loading={logout.isPending}>
                {t("nav.signOut")}
              </Button>
            )}
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
