import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CalendarOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  FlagOutlined,
  MessageOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { BodyKind, Permission } from '@yiting/domain';
import type { ReactNode } from 'react';
import type { MessageKey } from '../../i18n/I18nProvider.tsx';

export interface NavItem {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  permission: Permission;
  /** When the word depends on the body (提案 in a CPPCC committee, 代表建议 in a people's congress). */
  labelFor?: (kind: BodyKind | undefined) => MessageKey;
}

/** The main menu; an item shows only when /me grants its permission (the server checks again). */
export const NAVIGATION: NavItem[] = [
  { path: '/dashboard', label: 'nav.dashboard', icon: <DashboardOutlined />, permission: 'dashboard.read' },
  { path: '/matters', label: 'nav.matters', icon: <FileDoneOutlined />, permission: 'matter.read' },
  {
    path: '/proposals',
    label: 'nav.suggestions',
    labelFor: (kind) => (kind === 'cppcc_committee' ? 'nav.proposals' : 'nav.suggestions'),
    icon: <FileTextOutlined />,
    permission: 'proposal.read',
  },
  {
    path: '/key-proposals',
    label: 'nav.keySuggestions',
    labelFor: (kind) => (kind === 'cppcc_committee' ? 'nav.keyProposals' : 'nav.keySuggestions'),
    icon: <FlagOutlined />,
    permission: 'proposal.read',
  },
  { path: '/opinion-reports', label: 'nav.reports', icon: <MessageOutlined />, permission: 'opinion.read' },
  { path: '/statistics', label: 'nav.statistics', icon: <BarChartOutlined />, permission: 'statistics.read' },
  { path: '/activities', label: 'nav.activities', icon: <CalendarOutlined />, permission: 'activity.read' },
  { path: '/people', label: 'nav.people', icon: <TeamOutlined />, permission: 'person.read' },
  { path: '/units', label: 'nav.units', icon: <ApartmentOutlined />, permission: 'unit.read' },
  { path: '/bodies', label: 'nav.bodies', icon: <BankOutlined />, permission: 'body.read' },
  { path: '/audit', label: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.read' },
];
