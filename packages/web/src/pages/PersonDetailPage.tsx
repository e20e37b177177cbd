import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Person } from '@yiting/domain';
import { App, Breadcrumb, Button, Card, Descriptions, Popconfirm, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../api/ApiError.ts';
import { api } from '../api/client.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { usePermission } from '../modules/auth/usePermission.ts';
import { useTerms } from '../modules/bodies/useTerms.ts';
import { MembershipTags } from '../modules/people/MembershipTags.tsx';
import { PersonFormDrawer } from '../modules/people/PersonFormDrawer.tsx';
import { FullPageSpin } from '../ui/FullPageSpin.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

export function PersonDetailPage() {
  const { id = '' } = useParams();
  const { t, label, dateTime } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canManage = usePermission('person.manage');
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const terms = useTerms();
  const query = useQuery({
    queryKey: [`/people/${id}`],
    queryFn: ({ signal }) => api.get<Person>(`/people/${id}`, undefined, signal),
  });

  if (query.isPending) return <FullPageSpin />;
  if (query.error)
    return (
      <LoadFailed
        error={query.error}
        notFound={t('person.notFound')}
        backTo="/people"
        backText={t('people.backToList')}
      />
    );
  const p = query.data;
  const empty = <Typography.Text type="secondary">—</Typography.Text>;
  const termName = (termId: string | null) => terms.data?.find((x) => x.id === termId)?.name ?? null;

  const remove = async () => {
    setDeleting(true);
    try {
      await api.delete(`/people/${p.id}`, p.version);
      await queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('/people') });
      message.success(t('person.deleted', { name: p.name }));
      navigate('/people');
    } catch (e) {
      message.error(isApiError(e) ? e.title : t('error.unexpected'));
    } finally {
      setDeleting(false);
    }
  };

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/people">{t('nav.people')}</Link> }, { title: p.name }]}
      />
      <PageHeader
        title={p.name}
        subtitle={<MembershipTags memberships={p.memberships} />}
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
              {t('common.back')}
            </Button>
            {canManage ? (
              <>
                <Popconfirm
                  title={t('person.deleteConfirm', { name: p.name })}
                  okText={t('common.delete')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={remove}
                >
                  <Button danger icon={<DeleteOutlined />} loading={deleting}>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
                <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
                  {t('common.edit')}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <Card title={t('person.basics')} style={{ marginBottom: 16 }}>
        <Descriptions
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            {
              key: 'gender',
              label: t('person.gender'),
              children: p.gender ? label('gender', p.gender) : empty,
            },
            { key: 'birthDate', label: t('person.birthDate'), children: p.birthDate ?? empty },
            { key: 'ethnicity', label: t('person.ethnicity'), children: p.ethnicity ?? empty },
            { key: 'party', label: t('person.party'), children: p.party ?? empty },
            { key: 'organization', label: t('person.organization'), children: p.organization ?? empty },
            { key: 'position', label: t('person.position'), children: p.position ?? empty },
            { key: 'phone', label: t('person.phone'), children: p.phone ?? empty },
            { key: 'email', label: t('person.email'), children: p.email ?? empty },
            {
              key: 'updatedAt',
              label: t('common.updatedAt'),
              children: dateTime(p.updatedAt),
            },
            { key: 'notes', label: t('person.notes'), span: 'filled', children: p.notes ?? empty },
          ]}
        />
      </Card>
      <Card title={t('person.memberships')}>
        <Table
          rowKey="id"
          size="middle"
          pagination={false}
          dataSource={p.memberships}
          locale={{ emptyText: t('person.noMemberships') }}
          scroll={{ x: 800 }}
          columns={[
            {
              title: t('person.membership.role'),
              dataIndex: 'role',
              render: (r: string) => label('membershipRole', r),
            },
            {
              title: t('person.membership.details'),
              key: 'details',
              render: (_, m) =>
                [
                  m.deputyLevel ? label('deputyLevel', m.deputyLevel) : null,
                  m.delegation
                    ? `${t('person.membership.delegation')}${t('punct.colon')}${m.delegation}`
                    : null,
                  m.sector ? `${t('person.membership.sector')}${t('punct.colon')}${m.sector}` : null,
                ]
                  .filter(Boolean)
                  .join(t('punct.semicolon')) || empty,
            },
            {
              title: t('person.membership.unit'),
              dataIndex: 'unitName',
              render: (v: string | null) => v ?? empty,
            },
            {
              title: t('person.membership.title'),
              dataIndex: 'title',
              render: (v: string | null) => v ?? empty,
            },
            {
              title: t('person.membership.term'),
              dataIndex: 'termId',
              render: (v: string | null) => termName(v) ?? empty,
            },
            {
              title: t('person.membership.period'),
              key: 'period',
              render: (_, m) =>
                m.startDate || m.endDate
                  ? `${m.startDate ?? '…'} — ${m.endDate ?? t('person.membership.ongoing')}`
                  : empty,
            },
          ]}
        />
      </Card>
      <PersonFormDrawer
        open={editing}
        person={p}
        onClose={() => setEditing(false)}
        onSaved={(saved) => {
          setEditing(false);
          message.success(t('person.saved', { name: saved.name }));
        }}
      />
    </>
  );
}
