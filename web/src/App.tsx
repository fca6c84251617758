import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import { BrowserRouter } from "react-router";
import { AppRoutes } from "./AppRoutes";
import { ApiError } from "./api/client";
import { APP_THEME, STILL_THEME } from "./app-theme";
import { useLang } from "./hooks/use-lang";
import { useReducedMotion } from "./hooks/use-reduced-motion";
import { SESSION_KEY } from "./hooks/use-session";

/** A 401 from any call means the session ended: forget it, and the router sends the user to login. */
function onAnyError(error: unknown) {
  if (error instanceof ApiError && error.status === 401) queryClient.setQueryData(SESSION_KEY, null);
}

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onAnyError }),
  mutationCache: new MutationCache({ onError: onAnyError }),
  defaultOptions: {
    queries: {
      retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 2,
      refetchOnWindowFocus: false,
    },
  },
});

function Localized() {
  const { lang } = useLang();
  const still = useReducedMotion();
  return (
    <ConfigProvider locale={lang === "en" ? enUS : zhCN} theme={still ? STILL_THEME : APP_THEME}>
      <AntApp>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

/** The web app: react-query, antd (zh_CN by default), i18n and the routes. */
export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <Localized />
    </QueryClientProvider>
  );
}
