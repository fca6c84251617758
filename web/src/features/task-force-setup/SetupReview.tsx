import { Descriptions, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNames } from "../../hooks/use-data";
import type { MemberRow, SetupValues } from "./setup-form";
import { useGoals } from "./use-task-force-setup";

/** 核对并创建: the wizard's values as they will be created, in words. */
export function SetupReview({ values }: { values: SetupValues }) {
  const { t } = useTranslation();
  const names = useNames();
  const goals = useGoals();
  const none = t("tfs.none");
  const or = (s: string | undefined | null) => s || none;
  const goalTitle = (id: string) => {
    const g = goals.data?.items.find((x) => x.id === id);
    return g ? `${g.code} ${g.title}` : id;
  };
  const members = (values.members ?? []).filter((m): m is MemberRow => !!m);
  const period = [values.startDate, values.deadline].map((d) => d || "…").join(" — ");
  return (
    <div data-testid="tfs-review">
      <Descriptions title={t("tfs.reviewBasics")} size="small" column={2} bordered>
        <Descriptions.Item label={t("tfs.name")}>{or(values.name)}</Descriptions.Item>
        <Descriptions.Item label={t("tfs.code")}>{or(values.code)}</Descriptions.Item>
        <Descriptions.Item label={t("tfs.leadLeader")}>
          {or(names.person(values.leadLeaderId))}
        </Descriptions.Item>
        <Descriptions.Item label={t("tfs.leadUnit")}>{or(names.unit(values.leadUnitId))}</Descriptions.Item>
        <Descriptions.Item label={t("tfs.coUnits")} span={2}>
          {or((values.coUnitIds ?? []).map(names.unit).join("、"))}
        </Descriptions.Item>
        <Descriptions.Item label={t("tfs.period")} span={2}>
          {values.startDate || values.deadline ? period : none}
        </Descriptions.Item>
        <Descriptions.Item label={t("tfs.objective")} span={2}>
          <span style={{ whiteSpace: "pre-wrap" }}>{or(values.objective)}</span>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t("tfs.reviewMembers", { count: members.length })}
      </Typography.Title>
      <Table<MemberRow & { key: number }>
        size="small"
        pagination={false}
        aria-label={t("tfs.steps.members")}
        dataSource={members.map((m, key) => ({ ...m, key }))}
        columns={[
          { title: t("tfs.person"), render: (_, r) => names.person(r.personId) },
          { title: t("tfs.post"), dataIndex: "post" },
          { title: t("tfs.role"), render: (_, r) => (r.role ? t(`plan.roles.${r.role}`) : "") },
          { title: t("tfs.duties"), dataIndex: "duties" },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t("tfs.reviewGoals")}
      </Typography.Title>
      <ul data-testid="tfs-review-goals">
        {(values.goalIds ?? []).length ? (
          (values.goalIds ?? []).map((g) => <li key={g}>{goalTitle(g)}</li>)
        ) : (
          <li>{none}</li>
        )}
      </ul>
    </div>
  );
}
