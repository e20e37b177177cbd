import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUSAntd from 'antd/locale/en_US';
import zhCNAntd from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useMemo } from 'react';
import { RouterProvider } from 'react-router';
import { isApiError } from './api/ApiError.ts';
import { setUnauthenticatedHandler } from './api/client.ts';
import { I18nProvider } from './i18n/I18nProvider.tsx';
import { useI18n } from './i18n/useI18n.ts';
import { ME_KEY, storeMe } from './modules/auth/useMe.ts';
import { router } from './router.tsx';
import { themeFor } from './theme.ts';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; network blips and 5xx get one more try.
      retry: (count, error) => count < 1 && !(isApiError(error) && error.status < 500),
      refetchOnWindowFocus: false,
      staleTime: 15_000,
    },
  },
  queryCache: new QueryCache({}),
  mutationCache: new MutationCache({}),
});

// The session ended (timeout, signed out elsewhere): forget everything and let RequireAuth go to /login.
setUnauthenticatedHandler(() => {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
  storeMe(queryClient, null);
});

function Themed() {
  const { locale } = useI18n();
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  const theme = useMemo(() => themeFor(locale), [locale]);
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCNAntd : enUSAntd} theme={theme}>
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Themed />
      </I18nProvider>
    </QueryClientProvider>
  );
}
