import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Form, Input, Select, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Navigate, useSearchParams } from "react-router";
import { fetchDemo } from "../api/auth";
import { useLang } from "../hooks/use-lang";
import { useLogin, useSession } from "../hooks/use-session";

/** The login page; on a demo database it lists the demo accounts. */
export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const session = useSession();
  const login = useLogin();
  const demo = useQuery({ queryKey: ["demo"], queryFn: fetchDemo, staleTime: Number.POSITIVE_INFINITY });
  const { lang, setLang } = useLang();
  const [form] = Form.useForm<{ username: string; password: string }>();
  const next = params.get("next");
  if (session.data)
    return <Navigate to={next?.startsWith("/") && !next.startsWith("//") ? next : "/"} replace />;
  return (
    <main
      style={{
        minHeight: "100vh",
        display: "grid",
        placeItems: "center",
        background: "linear-gradient(135deg,#7f0000,#b71c1c 40%,#f5f5f5 40%)",
      }}
    >
      <Card style={{ width: 380 }}>
        <Space style={{ width: "100%", justifyContent: "space-between" }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t("login.title")}
          </Typography.Title>
          <Select
            aria-label={t("nav.language")}
            size="small"
            value={lang}
            onChange={setLang}
            options={[
              { value: "zh-CN", label: "简体中文" },
              { value: "en", label: "English" },
            ]}
          />
        </Space>
        <Typography.Paragraph type="secondary">{t("app.title")}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(v) => login.mutate(v)} requiredMark={false}>
          <Form.Item name="username" label={t("login.username")} rules={[{ required: true, max: 40 }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t("login.password")} rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {login.error ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={t("login.failed")}
              style={{ marginBottom: 12 }}
            />
          ) : null}
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t("login.submit")}
          </Button>
        </Form>
        {demo.data?.demo ? (
          <Alert
            style={{ marginTop: 16 }}
            type="info"
            title={t("login.demoHint", {
              accounts: demo.data.accounts.join("、"),
              password: demo.data.password ?? "",
            })}
            description={
              <Space wrap size={4}>
                {demo.data.accounts.map((a) => (
                  <Button
                    key={a}
                    size="small"
                    aria-label={t("login.useAccount", { name: a })}
                    onClick={() => form.setFieldsValue({ username: a, password: demo.data?.password ?? "" })}
                  >
                    {a}
                  </Button>
                ))}
              </Space>
            }
          />
        ) : null}
      </Card>
    </main>
  );
}
