import type { Person } from '@yiting/domain';
import { Space, Tag } from 'antd';
import { useI18n } from '../../i18n/useI18n.ts';

const COLORS: Record<string, string> = {
  deputy: 'red',
  member: 'volcano',
  committee_member: 'gold',
  leader: 'purple',
  staff: 'blue',
  liaison: 'cyan',
  expert: 'green',
};

/** A person's roles at a glance: 市人大代表, 政协委员 · 经济界, … */
export function MembershipTags({ memberships }: { memberships: Person['memberships'] }) {
  const { label } = useI18n();
  if (!memberships.length) return null;
  return (
    <Space size={[0, 4]} wrap>
      {memberships.map((m) => {
        const text =
          m.role === 'deputy' && m.deputyLevel
            ? label('deputyLevel', m.deputyLevel)
            : m.role === 'member' && m.sector
              ? `${label('membershipRole', m.role)} · ${m.sector}`
              : label('membershipRole', m.role);
        return (
          <Tag key={m.id} color={COLORS[m.role]} variant="filled">
            {text}
          </Tag>
        );
      })}
    </Space>
  );
}
