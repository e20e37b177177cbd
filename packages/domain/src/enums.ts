import { z } from 'zod';

/** Kinds of body (tenant). Government bodies own the departments that handle assigned work. */
export const BODY_KINDS = [
  'npc_standing_committee',
  'town_npc_presidium',
  'cppcc_committee',
  'government',
] as const;
export const BodyKind = z.enum(BODY_KINDS);
export type BodyKind = z.infer<typeof BodyKind>;

export const BODY_LEVELS = ['national', 'province', 'city', 'county', 'town'] as const;
export const BodyLevel = z.enum(BODY_LEVELS);
export type BodyLevel = z.infer<typeof BodyLevel>;

/** Units inside a body. `department` units belong to a government body and are shared as handling units. */
export const UNIT_KINDS = [
  'special_committee',
  'working_committee',
  'office',
  'working_team',
  'delegation',
  'sector_group',
  'department',
  'other',
] as const;
export const UnitKind = z.enum(UNIT_KINDS);
export type UnitKind = z.infer<typeof UnitKind>;

/** Deputies are elected at five levels (五级代表). */
export const DEPUTY_LEVELS = ['national', 'province', 'city', 'county', 'town'] as const;
export const DeputyLevel = z.enum(DEPUTY_LEVELS);
export type DeputyLevel = z.infer<typeof DeputyLevel>;

/** What a person is within a body over a period of time. */
export const MEMBERSHIP_ROLES = [
  'deputy',
  'member',
  'committee_member',
  'leader',
  'staff',
  'liaison',
  'expert',
] as const;
export const MembershipRole = z.enum(MEMBERSHIP_ROLES);
export type MembershipRole = z.infer<typeof MembershipRole>;

export const GENDERS = ['male', 'female'] as const;
export const Gender = z.enum(GENDERS);
export type Gender = z.infer<typeof Gender>;
