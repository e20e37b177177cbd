import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { Me } from '@yiting/domain';
import type { InputRef } from 'antd';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { type ApiError, isApiError } from '../api/ApiError.ts';
import { api } from '../api/client.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { storeMe, useMe } from '../modules/auth/useMe.ts';
import { BrandMark } from '../modules/layout/BrandMark.tsx';
import { LanguageSwitch } from '../modules/layout/LanguageSwitch.tsx';

interface LoginValues {
  username: string;
  password: string;
  totp?: string;
}

export function LoginPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<LoginValues>();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const { data: me } = useMe();
  const [needTotp, setNeedTotp] = useState(false);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [busy, setBusy] = useState(false);
  const totpRef = useRef<InputRef>(null);

  const from = (location.state as { from?: string } | null)?.from;
  const target = from && from !== '/login' ? from : '/';
  if (me) return <Navigate to={target} replace />;

  const submit = async (values: LoginValues) => {
    setBusy(true);
    setError(null);
    try {
      const body = {
        username: values.username,
        password: values.password,
        ...(values.totp ? { totp: values.totp } : {}),
      };
      const signedIn = await api.post<Me>('/auth/login', body);
      storeMe(queryClient, signedIn);
      navigate(target, { replace: true });
    } catch (e) {
      if (isApiError(e) && e.code === 'totp_required') {
        // Not a failure: the password was right and the account has a second factor.
        setNeedTotp(true);
        setTimeout(() => totpRef.current?.focus(), 0);
      } else {
        setError(e as Error);
      }
    } finally {
      setBusy(false);
    }
  };

  const errorTitle = error ? (isApiError(error) ? error.title : t('error.unexpected')) : null;

  return (
    <Flex
      vertical
      style={{ minHeight: '100vh', background: 'linear-gradient(160deg, #fbf7f4 0%, #f1e6e0 100%)' }}
    >
      <Flex justify="flex-end" style={{ padding: '12px 24px' }}>
        <LanguageSwitch />
      </Flex>
      <Flex flex={1} align="center" justify="center" style={{ padding: 24 }}>
        <Card
          style={{ width: 400, boxShadow: '0 12px 40px rgba(80, 20, 10, 0.08)' }}
          styles={{ body: { padding: 32 } }}
        >
          <Flex vertical align="center" style={{ marginBottom: 24 }}>
            <BrandMark size={44} />
            <Typography.Title level={4} style={{ margin: '8px 0 0' }}>
              {t('login.title')}
            </Typography.Title>
          </Flex>
          <Form<LoginValues>
            form={form}
            layout="vertical"
            onFinish={submit}
            requiredMark={false}
            disabled={busy}
          >
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
            </Form.Item>
            {needTotp ? (
              <Form.Item
                name="totp"
                label={t('login.totp')}
                extra={t('login.totpHelp')}
                rules={[{ required: true, pattern: /^\d{6}$/, message: t('login.totpInvalid') }]}
              >
                <Input
                  ref={totpRef}
                  prefix={<SafetyOutlined />}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  size="large"
                />
              </Form.Item>
            ) : null}
            {errorTitle ? (
              <Alert
                type="error"
                showIcon
                title={errorTitle}
                style={{ marginBottom: 16 }}
                data-testid="login-error"
              />
            ) : null}
            <Button type="primary" htmlType="submit" block size="large" loading={busy}>
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
      </Flex>
      <Typography.Text type="secondary" style={{ textAlign: 'center', padding: 16, fontSize: 12 }}>
        {t('app.footer')}
      </Typography.Text>
    </Flex>
  );
}
