// Times in: ISO 8601 or relative forms (7d, 12h, yesterday). Times out: ISO
// 8601 UTC. BigCommerce speaks RFC 2822 ("Wed, 10 Jan 2018 21:05:30 +0000").

import { UsageError } from './errors.js';

const ACCEPTED = 'use ISO 8601 (2026-11-01, 2026-11-01T10:00:00Z) or a relative form (7d, 12h, 30m, yesterday)';
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

function utcMidnight(d: Date, daysBack = 0): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - daysBack));
}

export function parseTimeInput(input: string, now: Date): Date {
  const s = input.trim();
  const word = s.toLowerCase();
  if (word === 'now') return new Date(now);
  if (word === 'today') return utcMidnight(now);
  if (word === 'yesterday') return utcMidnight(now, 1);
  const rel = /^(\d+)(s|m|h|d|w)$/i.exec(s);
  if (rel) return new Date(now.getTime() - Number(rel[1]) * UNIT_MS[rel[2]!.toLowerCase()]!);
  const m = ISO.exec(s);
  if (m) {
    const [, y, mo, d, h = '00', mi = '00', sec = '00', , zone] = m;
    const date = new Date(Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${sec}${m[7] ?? ''}${normalizeZone(zone)}`));
    // Date.parse rolls 2026-02-30 over to March; refuse instead.
    const check = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
    if (!Number.isNaN(date.getTime()) && check.getUTCMonth() === Number(mo) - 1 && Number(h) < 24 && Number(mi) < 60 && Number(sec) < 60) {
      return date;
    }
  }
  throw new UsageError(`invalid time "${input}": ${ACCEPTED}`);
}

function normalizeZone(zone: string | undefined): string {
  if (!zone) return 'Z'; // no zone given: UTC, so results do not depend on the machine
  if (/^z$/i.test(zone)) return 'Z';
  return zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
}

/** "30s", "5m", "1h", "500ms"; a plain number is seconds. */
export function parseDuration(input: string): number {
  const s = input.trim();
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/i.exec(s);
  if (!m) throw new UsageError(`invalid duration "${input}": use e.g. 500ms, 30s, 5m, 1h`);
  const ms = Number(m[1]) * UNIT_MS[(m[2] ?? 's').toLowerCase()]!;
  if (ms <= 0) throw new UsageError(`invalid duration "${input}": it must be more than zero`);
  return Math.round(ms);
}

export function toIsoUtc(d: Date): string {
  return d.toISOString().replace('.000Z', 'Z');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const RFC2822 = /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|GMT|UTC|Z)?$/;

export function rfc2822ToIso(s: string | null | undefined): string | null {
  if (!s) return null;
  const m = RFC2822.exec(s.trim());
  if (!m) return null;
  const month = MONTHS.indexOf(m[2]!.slice(0, 1).toUpperCase() + m[2]!.slice(1).toLowerCase());
  if (month < 0) return null;
  const zone = m[7] && /^[+-]/.test(m[7]) ? m[7] : '+0000';
  const offsetMin = (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
  const utc = Date.UTC(Number(m[3]), month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)) - offsetMin * 60_000;
  return Number.isNaN(utc) ? null : toIsoUtc(new Date(utc));
}

export function toRfc2822(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}
