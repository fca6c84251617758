import { Button, Card, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { DateField } from "../components/DateField";
import { QueryState } from "../components/QueryState";
import { CascadeTable } from "../features/cascade/CascadeTable";
import { useCascade } from "../features/cascade/use-cascade";

/** 层层衔接: the whole cascade an indicator belongs to, at a status date, with the splitting tools. */
export function CascadePage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { query, statusDate, setStatusDate } = useCascade(id);
  const top = query.data?.nodes[0];
  return (
    <Card
      title={
        <span data-testid="cascade-title">
          {top ? t("cas.pageTitle", { code: top.code, name: top.name }) : t("cas.title")}
        </span>
      }
      extra={
        query.data ? (
          <Space wrap>
            <Space.Compact>
              <Space.Addon>{t("common.statusDate")}</Space.Addon>
              <DateField
                aria-label={t("common.statusDate")}
                value={statusDate ?? query.data.statusDate}
                onChange={(v) => setStatusDate(v || null)}
                allowClear={false}
                style={{ width: 140 }}
              />
            </Space.Compact>
            <Button onClick={() => setStatusDate(null)} disabled={!statusDate}>
              {t("cas.resetDate")}
            </Button>
          </Space>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">{t("cas.intro")}</Typography.Paragraph>
      <QueryState query={query} isEmpty={(v) => v.nodes.length === 0}>
        {(v) => <CascadeTable view={v} focus={id} />}
      </QueryState>
    </Card>
  );
}
