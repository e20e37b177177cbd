import { describe, expect, it } from 'vitest';
import { BODY_KINDS, DEPUTY_LEVELS, MEMBERSHIP_ROLES, UNIT_KINDS } from '../src/enums.ts';
import { ERRORS, errorTitle, pickLocale } from '../src/errors.ts';
import { LABELS, label, VALIDATION_MESSAGES, validationMessage, valueOfLabel } from '../src/labels.ts';
import { DEFAULT_ROLE_PERMISSIONS, PERMISSIONS, ROLES, roleAllows } from '../src/roles.ts';

describe('labels', () => {
  it('name every enum value in both languages', () => {
    const groups: [keyof typeof LABELS, readonly string[]][] = [
      ['bodyKind', BODY_KINDS],
      ['unitKind', UNIT_KINDS],
      ['deputyLevel', DEPUTY_LEVELS],
      ['membershipRole', MEMBERSHIP_ROLES],
      ['role', ROLES],
    ];
    for (const [group, values] of groups) {
      expect(Object.keys(LABELS[group]).sort()).toEqual([...values].sort());
      for (const v of values) {
        const l = (LABELS[group] as Record<string, { zh: string; en: string }>)[v]!;
        expect(l.zh).toMatch(/\p{Script=Han}/u);
        expect(l.en).toMatch(/^[A-Z]/);
      }
    }
  });

  it('map a label in either language, or the identifier, back to the value', () => {
    expect(valueOfLabel('deputyLevel', '省人大代表')).toBe('province');
    expect(valueOfLabel('deputyLevel', 'provincial deputy')).toBe('province');
    expect(valueOfLabel('deputyLevel', 'province')).toBe('province');
    expect(valueOfLabel('deputyLevel', '村代表')).toBeUndefined();
    expect(label('unitKind', 'department', 'en-US')).toBe('Government department');
  });

  it('translate validation codes and leave unknown text as it is', () => {
    expect(validationMessage('sector_required', 'zh-CN')).toBe(VALIDATION_MESSAGES.sector_required.zh);
    expect(validationMessage('sector_required', 'en-US')).toBe('A member needs a sector');
    expect(validationMessage('Some sentence', 'en-US')).toBe('Some sentence');
  });
});

describe('errors', () => {
  it('have a 4xx/5xx status and titles in both languages', () => {
    for (const [code, e] of Object.entries(ERRORS)) {
      expect(e.status, code).toBeGreaterThanOrEqual(400);
      expect(e.zh).toMatch(/\p{Script=Han}/u);
      expect(e.en.length).toBeGreaterThan(2);
    }
    expect(errorTitle('forbidden', 'en-US')).toBe('You are not allowed to do this');
  });

  it('pick the language from Accept-Language, Chinese by default', () => {
    expect(pickLocale(undefined)).toBe('zh-CN');
    expect(pickLocale('en-US,en;q=0.9')).toBe('en-US');
    expect(pickLocale('fr-FR, en;q=0.5, zh;q=0.8')).toBe('zh-CN');
    expect(pickLocale('fr-FR')).toBe('zh-CN');
    expect(pickLocale('en;q=0.2, zh-TW;q=0.1')).toBe('en-US');
  });
});

describe('roles', () => {
  it('deny by default: a permission no role lists is refused', () => {
    for (const role of ROLES) expect(roleAllows([role], 'account.manage')).toBe(role === 'admin');
    expect(roleAllows([], 'person.read')).toBe(false);
  });
  it('grant only known permissions', () => {
    for (const perms of Object.values(DEFAULT_ROLE_PERMISSIONS)) {
      for (const p of perms) expect(PERMISSIONS).toContain(p);
    }
  });
  it('let liaisons and deputies read no personal records and no audit', () => {
    for (const role of ['liaison', 'deputy', 'expert'] as const) {
      expect(roleAllows([role], 'person.read')).toBe(false);
      expect(roleAllows([role], 'audit.read')).toBe(false);
    }
  });
});
