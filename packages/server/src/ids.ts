import { randomBytes } from 'node:crypto';

let lastMs = 0;
let counter = 0;

/** UUIDv7 (RFC 9562): time-ordered, so primary-key order is creation order and cursors can use it. */
export function newId(now = Date.now()): string {
  if (now <= lastMs) {
    counter++;
    now = lastMs;
  } else {
    lastMs = now;
    counter = 0;
  }
  const b = randomBytes(16);
  b.writeUIntBE(now, 0, 6);
  // 12 bits of a per-millisecond counter keep ids made in one millisecond in order.
  b[6] = 0x70 | ((counter >> 8) & 0x0f);
  b[7] = counter & 0xff;
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
