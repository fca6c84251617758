import { Card, Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { GoalsTab } from "../features/admin-org/GoalsTab";
import { PeopleTab } from "../features/admin-org/PeopleTab";
import { UnitsTab } from "../features/admin-org/UnitsTab";

const TABS = ["units", "people", "goals"] as const;
type Tab = (typeof TABS)[number];
const isTab = (v: string | null): v is Tab => (TABS as readonly (string | null)[]).includes(v);

/**
 * 组织与人员: the org-unit tree, the people and their posts, and the goal cascade. Everyone signed
 * in reads them; who may write each (`write:org-units`, `write:persons`, `write:goals`) gets its
 * controls. The tab is in the address (`?tab=people`), so it can be linked and reloaded.
 */
export function AdminOrgPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const raw = params.get("tab");
  const tab: Tab = isTab(raw) ? raw : "units";
  return (
    <Card title={t("org.title")}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        destroyOnHidden
        items={[
          { key: "units", label: t("org.tabs.units"), children: <UnitsTab /> },
          { key: "people", label: t("org.tabs.people"), children: <PeopleTab /> },
          { key: "goals", label: t("org.tabs.goals"), children: <GoalsTab /> },
        ]}
      />
    </Card>
  );
}
