import { MenuOutlined } from "@ant-design/icons";
import { Button, Drawer, Flex, Menu, type MenuProps, Select, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useLang } from "../../hooks/use-lang";

/**
 * The header's start on a phone: a menu button and the app's short name. The button opens the
 * navigation (and the language switch, which has no room in the header) in a drawer.
 */
export function PhoneNav({ items, selected }: { items: MenuProps["items"]; selected: string[] }) {
  const { t } = useTranslation();
  const nav = useNavigate();
  const { lang, setLang } = useLang();
  const [open, setOpen] = useState(false);
  return (
    <Flex align="center" gap={4}>
      <Button
        type="text"
        icon={<MenuOutlined />}
        aria-label={t("phone.menu")}
        aria-expanded={open}
        data-testid="phone-menu"
        onClick={() => setOpen(true)}
      />
      <Typography.Text strong style={{ whiteSpace: "nowrap" }}>
        {t("app.name")}
      </Typography.Text>
      <Drawer
        placement="left"
        open={open}
        onClose={() => setOpen(false)}
        size={260}
        title={t("app.name")}
        styles={{ body: { padding: 0 } }}
      >
        <nav aria-label={t("app.title")}>
          <Menu
            mode="inline"
            selectedKeys={selected}
            items={items}
            onClick={(e) => {
              setOpen(false);
              nav(e.key);
            }}
          />
        </nav>
        <div style={{ padding: 16 }}>
          <Select
            aria-label={t("nav.language")}
            value={lang}
            onChange={setLang}
            style={{ width: "100%" }}
            options={[
              { value: "zh-CN", label: "简体中文" },
              { value: "en", label: "English" },
            ]}
          />
        </div>
      </Drawer>
    </Flex>
  );
}
