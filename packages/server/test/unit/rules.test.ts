import { DEFAULT_ROLE_PERMISSIONS, PERMISSIONS, pickLocale, ROLES, roleAllows } from '@yiting/domain';
import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblems, verifyPassword } from '../../src/auth/passwords.ts';
import { checkTotp, currentTotp, newTotpSecret } from '../../src/auth/totp.ts';

describe('passwordProblems (等保 level 3 complexity)', () => {
  it.each([
    ['Test-pass-1', []],
    ['abcDEF12', []],
    ['abc-def-12', []],
    ['Ab1-', ['password_too_short']],
    ['abcdefgh', ['password_too_simple']],
    ['abcdefg1', ['password_too_simple']],
    ['ABCDEFGH12', ['password_too_simple']],
    ['短', ['password_too_short', 'password_too_simple']],
  ])('%s → %j', (pw, problems) => {
    expect(passwordProblems(pw)).toEqual(problems);
  });

  it('hashes with argon2id and verifies; a malformed stored hash never authenticates', async () => {
    const h = await hashPassword('Test-pass-1');
    expect(h).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(h, 'Test-pass-1')).toBe(true);
    expect(await verifyPassword(h, 'Test-pass-2')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'Test-pass-1')).toBe(false);
  });
});

describe('TOTP', () => {
  it('accepts the current code and refuses another', () => {
    const secret = newTotpSecret();
    const code = currentTotp(secret);
    expect(code).toMatch(/^\d{6}$/);
    expect(checkTotp(secret, code)).toBe(true);
    expect(checkTotp(secret, String((Number(code) + 500_000) % 1_000_000).padStart(6, '0'))).toBe(false);
    expect(checkTotp(newTotpSecret(), code)).toBe(false);
  });
});

describe('pickLocale', () => {
  it.each([
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
    ['en-US,en;q=0.9', 'en-US'],
    ['en', 'en-US'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['en;q=0.5,zh;q=0.9', 'zh-CN'],
    ['zh;q=0.1,en;q=0.9', 'en-US'],
    ['fr-FR,de', 'zh-CN'],
    ['fr-FR,en;q=0.3', 'en-US'],
    ['*', 'zh-CN'],
  ])('%s → %s', (header, locale) => {
    expect(pickLocale(header)).toBe(locale);
  });
});

describe('roleAllows (deny by default)', () => {
  it('grants exactly the default table, and nothing to no role', () => {
    for (const role of ROLES)
      for (const p of PERMISSIONS) {
        if (p === 'public' || p === 'authenticated') continue;
        expect(roleAllows([role], p), `${role} ${p}`).toBe(
          (DEFAULT_ROLE_PERMISSIONS[role] as readonly string[]).includes(p),
        );
        expect(roleAllows([], p)).toBe(false);
      }
  });

  it('unions the grants of several roles, and honours a body’s own table', () => {
    expect(roleAllows(['deputy', 'staff'], 'person.manage')).toBe(true);
    expect(roleAllows(['leader'], 'audit.read')).toBe(false);
    expect(roleAllows(['deputy'], 'person.manage')).toBe(false);
    const custom = { ...DEFAULT_ROLE_PERMISSIONS, leader: ['audit.read'] as const };
    expect(roleAllows(['leader'], 'audit.read', custom)).toBe(true);
    expect(roleAllows(['leader'], 'person.read', custom)).toBe(false);
  });

  it('only admins read the audit log by default', () => {
    expect(ROLES.filter((r) => roleAllows([r], 'audit.read'))).toEqual(['admin']);
  });
});
