import { Secret, TOTP } from 'otpauth';

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, label = 'Yiting') {
  return new TOTP({ issuer: '议厅 Yiting', label, secret: Secret.fromBase32(secret), digits: 6, period: 30 });
}

export function totpUri(secret: string, username: string): string {
  return totp(secret, username).toString();
}

/** Accepts the current code and one step either side (clock drift). */
export function checkTotp(secret: string, code: string): boolean {
  return totp(secret).validate({ token: code, window: 1 }) !== null;
}

export function currentTotp(secret: string): string {
  return totp(secret).generate();
}
