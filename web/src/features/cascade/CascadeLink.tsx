import { ApartmentOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** Where an indicator's cascade (层层衔接) is shown. */
export const cascadePath = (indicatorId: string) => `/indicators/${encodeURIComponent(indicatorId)}/cascade`;

/** 层层衔接: a small button to the cascade an indicator belongs to. */
export function CascadeLink({ indicatorId, code }: { indicatorId: string; code: string }) {
  const { t } = useTranslation();
  return (
    <Link to={cascadePath(indicatorId)} data-cascade-link={code} aria-label={t("cas.openFor", { code })}>
      <Button size="small" icon={<ApartmentOutlined />} tabIndex={-1}>
        {t("cas.open")}
      </Button>
    </Link>
  );
}
