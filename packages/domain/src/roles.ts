import { z } from 'zod';

/** Account roles per body (ARCHITECTURE §5). */
export const ROLES = ['admin', 'leader', 'staff', 'deputy', 'liaison', 'expert'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/**
 * Every route declares one of these. `public` routes need no session; `authenticated` routes need a
 * session but no body permission (e.g. reading one's own account).
 */
export const PERMISSIONS = [
  'public',
  'authenticated',
  'body.read',
  'body.manage',
  'unit.read',
  'unit.manage',
  'person.read',
  'person.manage',
  'person.import',
  'account.manage',
  'audit.read',
  'docnumber.allocate',
  'activity.read',
  'activity.manage',
  'matter.read',
  'matter.manage',
  'proposal.read',
  'proposal.submit',
  'proposal.manage',
  'opinion.read',
  'opinion.submit',
  'opinion.manage',
  'file.upload',
  'file.read',
  'dashboard.read',
  'statistics.read',
] as const;
export const Permission = z.enum(PERMISSIONS);
export type Permission = z.infer<typeof Permission>;

type BodyPermission = Exclude<Permission, 'public' | 'authenticated'>;

/** Default grants; a body may override them in its configuration. Deny by default: absent means no. */
export const DEFAULT_ROLE_PERMISSIONS: Record<Role, readonly BodyPermission[]> = {
  admin: [
    'body.read',
    'body.manage',
    'unit.read',
    'unit.manage',
    'person.read',
    'person.manage',
    'person.import',
    'account.manage',
    'audit.read',
    'docnumber.allocate',
    'activity.read',
    'activity.manage',
    'matter.read',
    'matter.manage',
    'proposal.read',
    'proposal.submit',
    'proposal.manage',
    'opinion.read',
    'opinion.submit',
    'opinion.manage',
    'file.upload',
    'file.read',
    'dashboard.read',
    'statistics.read',
  ],
  // Leaders read everything of the body they lead and sign off (close out, approve extensions).
  leader: [
    'body.read',
    'unit.read',
    'person.read',
    'activity.read',
    'matter.read',
    'proposal.read',
    'opinion.read',
    'file.read',
    'dashboard.read',
    'statistics.read',
  ],
  // Staff of the office enter proposals and reports on a member's behalf (paper submissions) and run them.
  staff: [
    'body.read',
    'unit.read',
    'unit.manage',
    'person.read',
    'person.manage',
    'person.import',
    'docnumber.allocate',
    'activity.read',
    'activity.manage',
    'matter.read',
    'matter.manage',
    'proposal.read',
    'proposal.submit',
    'proposal.manage',
    'opinion.read',
    'opinion.submit',
    'opinion.manage',
    'file.upload',
    'file.read',
    'dashboard.read',
    'statistics.read',
  ],
  // Deputies and members submit and read their own proposals and reports (as proposer or co-signer).
  deputy: [
    'body.read',
    'unit.read',
    'activity.read',
    'proposal.read',
    'proposal.submit',
    'opinion.read',
    'opinion.submit',
  ],
  // A liaison reads and answers only the items assigned to its unit (the scope is applied per query).
  liaison: ['body.read', 'unit.read', 'matter.read', 'proposal.read', 'file.upload', 'file.read'],
  expert: ['body.read', 'unit.read', 'activity.read'],
};

export function roleAllows(
  roles: readonly Role[],
  permission: Permission,
  table: Record<Role, readonly string[]> = DEFAULT_ROLE_PERMISSIONS,
): boolean {
  if (permission === 'public' || permission === 'authenticated') return true;
  return roles.some((r) => table[r].includes(permission));
}
