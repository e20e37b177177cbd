import { z } from 'zod';
import { BodyKind, BodyLevel, DeputyLevel, Gender, MembershipRole, UnitKind } from './enums.ts';
import { Role } from './roles.ts';

/** Ids are UUIDs; anything else is a 400, never a 500. */
export const Id = z.uuid();
export const IdParams = z.strictObject({ id: Id });

export const DateString = z.iso.date();

const trimmed = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();

/** Every list answers this shape; `nextCursor` is null on the last page. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const ListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

// ---------------------------------------------------------------- auth

export const LoginInput = z.strictObject({
  username: trimmed(64),
  password: z.string().min(1).max(200),
  totp: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});

export const BodyRef = z.object({ id: Id, name: z.string(), kind: BodyKind, level: BodyLevel });

export const Me = z.object({
  account: z.object({
    id: Id,
    username: z.string(),
    displayName: z.string(),
    personId: Id.nullable(),
    totpEnabled: z.boolean(),
  }),
  body: BodyRef.nullable(),
  roles: z.array(Role),
  permissions: z.array(z.string()),
  unitId: Id.nullable(),
  bodies: z.array(BodyRef.extend({ roles: z.array(Role) })),
  csrfToken: z.string().nullable(),
});
export type Me = z.infer<typeof Me>;

export const SwitchBodyInput = z.strictObject({ bodyId: Id });

// ---------------------------------------------------------------- bodies, terms, units

export const Body = z.object({
  id: Id,
  parentId: Id.nullable(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: BodyKind,
  level: BodyLevel,
  regionCode: z.string(),
  regionName: z.string(),
  childCount: z.number().int(),
});
export type Body = z.infer<typeof Body>;

export const BodyListQuery = ListQuery.extend({
  kind: BodyKind.optional(),
  level: BodyLevel.optional(),
  parentId: Id.optional(),
});

export const Term = z.object({
  id: Id,
  bodyId: Id,
  number: z.number().int(),
  name: z.string(),
  startDate: DateString,
  endDate: DateString.nullable(),
});

export const UnitInput = z.strictObject({
  name: trimmed(100),
  shortName: optionalText(30),
  kind: UnitKind,
  parentId: Id.nullish(),
  phone: optionalText(40),
  address: optionalText(200),
  sortOrder: z.number().int().min(0).max(100000).optional(),
});
export type UnitInput = z.infer<typeof UnitInput>;
export const UnitPatch = UnitInput.partial();

export const Unit = z.object({
  id: Id,
  bodyId: Id,
  bodyName: z.string(),
  parentId: Id.nullable(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: UnitKind,
  phone: z.string().nullable(),
  address: z.string().nullable(),
  sortOrder: z.number().int(),
  /** Units of another body (a government's departments) are visible but not editable here. */
  shared: z.boolean(),
  version: z.number().int(),
});
export type Unit = z.infer<typeof Unit>;

export const UnitListQuery = ListQuery.extend({
  kind: UnitKind.optional(),
  includeShared: z.enum(['true', 'false']).optional(),
});

// ---------------------------------------------------------------- people and memberships

export const MembershipInput = z
  .strictObject({
    role: MembershipRole,
    unitId: Id.nullish(),
    termId: Id.nullish(),
    title: optionalText(100),
    deputyLevel: DeputyLevel.nullish(),
    delegation: optionalText(60),
    sector: optionalText(60),
    startDate: DateString.nullish(),
    endDate: DateString.nullish(),
  })
  .refine((m) => m.role !== 'deputy' || !!m.deputyLevel, {
    path: ['deputyLevel'],
    message: 'deputy_level_required',
  })
  .refine((m) => m.role !== 'member' || !!m.sector, { path: ['sector'], message: 'sector_required' })
  .refine((m) => !m.startDate || !m.endDate || m.startDate <= m.endDate, {
    path: ['endDate'],
    message: 'end_before_start',
  });
export type MembershipInput = z.infer<typeof MembershipInput>;

export const Membership = z.object({
  id: Id,
  role: MembershipRole,
  unitId: Id.nullable(),
  unitName: z.string().nullable(),
  termId: Id.nullable(),
  title: z.string().nullable(),
  deputyLevel: DeputyLevel.nullable(),
  delegation: z.string().nullable(),
  sector: z.string().nullable(),
  startDate: DateString.nullable(),
  endDate: DateString.nullable(),
});

/** Mainland mobile or landline; kept loose on purpose (extensions, 区号). */
export const Phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,20}$/, 'phone_invalid');

export const PersonInput = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[^\d<>{}]+$/, 'name_invalid'),
  gender: Gender.nullish(),
  birthDate: DateString.nullish(),
  ethnicity: optionalText(20),
  party: optionalText(40),
  organization: optionalText(100),
  position: optionalText(100),
  phone: Phone.nullish(),
  email: z.email().max(200).nullish(),
  notes: optionalText(2000),
  memberships: z.array(MembershipInput).max(20).optional(),
});
export type PersonInput = z.infer<typeof PersonInput>;
export const PersonPatch = PersonInput.partial();
export type PersonPatch = z.infer<typeof PersonPatch>;

export const Person = z.object({
  id: Id,
  bodyId: Id,
  name: z.string(),
  gender: Gender.nullable(),
  birthDate: DateString.nullable(),
  ethnicity: z.string().nullable(),
  party: z.string().nullable(),
  organization: z.string().nullable(),
  position: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  notes: z.string().nullable(),
  memberships: z.array(Membership),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Person = z.infer<typeof Person>;

export const PersonListQuery = ListQuery.extend({
  role: MembershipRole.optional(),
  deputyLevel: DeputyLevel.optional(),
  sector: z.string().max(60).optional(),
  unitId: Id.optional(),
});

// ---------------------------------------------------------------- audit

export const AuditEntry = z.object({
  id: z.string(),
  seq: z.number().int(),
  at: z.string(),
  actorId: Id.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  outcome: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
});
export const AuditListQuery = ListQuery.extend({
  action: z.string().max(60).optional(),
  targetType: z.string().max(60).optional(),
  actorId: Id.optional(),
  from: DateString.optional(),
  to: DateString.optional(),
});

// ---------------------------------------------------------------- import

export const ImportRowError = z.object({
  sheet: z.string(),
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowError>;

export const ImportResult = z.object({
  units: z.number().int(),
  people: z.number().int(),
  memberships: z.number().int(),
});

// ---------------------------------------------------------------- document numbers

export const DocNumberInput = z.strictObject({
  prefix: trimmed(20),
  year: z.number().int().min(2000).max(2100),
});
export const DocNumber = z.object({
  prefix: z.string(),
  year: z.number().int(),
  seq: z.number().int(),
  text: z.string(),
});

// ---------------------------------------------------------------- accounts (administration)

export const Username = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[A-Za-z0-9._@-]+$/, 'username_invalid');

export const AccountInput = z.strictObject({
  username: Username,
  displayName: trimmed(60),
  password: z.string().min(1).max(200),
  personId: Id.nullish(),
  roles: z.array(Role).min(1).max(6),
  /** Required with the liaison role: the handling unit whose work the account answers. */
  unitId: Id.nullish(),
});
export type AccountInput = z.infer<typeof AccountInput>;

export const AccountPatch = z.strictObject({
  displayName: trimmed(60).optional(),
  personId: Id.nullish(),
  roles: z.array(Role).min(1).max(6).optional(),
  unitId: Id.nullish(),
  disabled: z.boolean().optional(),
  password: z.string().min(1).max(200).optional(),
  /** Clears a lockout. */
  unlock: z.literal(true).optional(),
});
export type AccountPatch = z.infer<typeof AccountPatch>;

export const Account = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  personId: Id.nullable(),
  roles: z.array(Role),
  unitId: Id.nullable(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  totpEnabled: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type Account = z.infer<typeof Account>;

// ---------------------------------------------------------------- notifications

export const Notification = z.object({
  id: Id,
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  itemId: Id.nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const NotificationListQuery = ListQuery.extend({ unread: z.enum(['true', 'false']).optional() });
