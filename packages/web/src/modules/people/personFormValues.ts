import type { DeputyLevel, Gender, MembershipRole, Person } from '@yiting/domain';
import dayjs, { type Dayjs } from 'dayjs';
import { blankToNull } from '../../ui/fieldErrors.ts';

export interface MembershipValues {
  role?: MembershipRole;
  unitId?: string | null;
  termId?: string | null;
  title?: string | null;
  deputyLevel?: DeputyLevel | null;
  delegation?: string | null;
  sector?: string | null;
  startDate?: Dayjs | null;
  endDate?: Dayjs | null;
}

export interface PersonFormValues {
  name?: string;
  gender?: Gender | null;
  birthDate?: Dayjs | null;
  ethnicity?: string | null;
  party?: string | null;
  organization?: string | null;
  position?: string | null;
  phone?: string | null;
  email?: string | null;
  notes?: string | null;
  memberships?: MembershipValues[];
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const parseDay = (s: string | null) => (s ? dayjs(s) : null);

/**
 * The request body for POST and PATCH, shaped for the shared PersonInput schema: blank fields become null
 * (so an edit can clear them), fields that do not apply to a role are dropped.
 */
export function personInputOf(v: PersonFormValues): Record<string, unknown> {
  return {
    name: v.name ?? '',
    gender: v.gender ?? null,
    birthDate: day(v.birthDate),
    ethnicity: blankToNull(v.ethnicity),
    party: blankToNull(v.party),
    organization: blankToNull(v.organization),
    position: blankToNull(v.position),
    phone: blankToNull(v.phone),
    email: blankToNull(v.email),
    notes: blankToNull(v.notes),
    memberships: (v.memberships ?? []).map((m) => ({
      role: m.role,
      unitId: m.unitId ?? null,
      termId: m.termId ?? null,
      title: blankToNull(m.title),
      deputyLevel: m.role === 'deputy' ? (m.deputyLevel ?? null) : null,
      delegation: m.role === 'deputy' ? blankToNull(m.delegation) : null,
      sector: m.role === 'member' ? blankToNull(m.sector) : null,
      startDate: day(m.startDate),
      endDate: day(m.endDate),
    })),
  };
}

export function formValuesOf(p: Person): PersonFormValues {
  return {
    name: p.name,
    gender: p.gender,
    birthDate: parseDay(p.birthDate),
    ethnicity: p.ethnicity,
    party: p.party,
    organization: p.organization,
    position: p.position,
    phone: p.phone,
    email: p.email,
    notes: p.notes,
    memberships: p.memberships.map((m) => ({
      role: m.role,
      unitId: m.unitId,
      termId: m.termId,
      title: m.title,
      deputyLevel: m.deputyLevel,
      delegation: m.delegation,
      sector: m.sector,
      startDate: parseDay(m.startDate),
      endDate: parseDay(m.endDate),
    })),
  };
}
