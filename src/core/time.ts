// Times in: ISO 8601 or relative forms (7d, 12h, yesterday). Times out: ISO
// 8601 UTC. BigCommerce speaks RFC 2822 ("Wed, 10 Jan 2018 21:05:30 +0000").
// Everything is computed in UTC, so results never depend on the machine's zone.

import { UsageError } from './errors.js';

const ACCEPTED = 'use ISO 8601 (2026-11-01, 2026-11-01T10:00:00Z) or a relative form (7d, 12h, yesterday)';
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

// 2026-11-01, 2026-11-01T10:00, 2026-11-01T10:00:00.250+02:00, …-0130, …Z
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** Date.UTC, but exact for every field: no roll-over, and years 0–99 stay themselves. */
function exactUtc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  // 2026-02-30 would roll over to March 2nd; refuse instead.
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date.getTime() : undefined;
}

/** Minutes east of UTC for "Z", "+02:00", "-0130", "+05"; undefined when impossible. */
function offsetMinutes(zone: string | undefined): number | undefined {
  if (!zone || /^z$/i.test(zone)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return undefined;
  const h = Number(m[2]);
  const min = Number(m[3] ?? 0);
  if (h > 23 || min > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (h * 60 + min);
}

function utcMidnight(d: Date, daysBack = 0): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - daysBack));
}

/**
 * A time given on the command line. A date without a time is midnight UTC,
 * a date-time without a zone is UTC; relative forms count back from `now`.
 */
export function parseTimeInput(input: string, now: Date): Date {
  const s = input.trim();
  const word = s.toLowerCase();
  if (word === 'now') return new Date(now.getTime());
  if (word === 'today') return utcMidnight(now);
  if (word === 'yesterday') return utcMidnight(now, 1);

  const rel = /^(\d+)(s|m|h|d|w)$/i.exec(s);
  if (rel) {
    const back = Number(rel[1]) * UNIT_MS[rel[2]!.toLowerCase()]!;
    if (back > MAX_DURATION_MS) throw new UsageError(`invalid time "${input}": ${ACCEPTED}, at most 100 years back`);
    return new Date(now.getTime() - back);
  }

  const m = ISO.exec(s);
  if (m) {
    const [, y, mo, d, h, mi, sec, frac, zone] = m;
    const ms = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0; // beyond milliseconds is truncated
    const local = exactUtc(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(sec ?? 0), ms);
    const offset = offsetMinutes(zone);
    if (local !== undefined && offset !== undefined) return new Date(local - offset * 60_000);
  }
  throw new UsageError(`invalid time "${input}": ${ACCEPTED}`);
}

/** Milliseconds in "500ms", "30s", "5m", "1h", "1d"; a plain number is seconds. */
export function parseDuration(input: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/i.exec(input.trim());
  if (!m) throw new UsageError(`invalid duration "${input}": use e.g. 500ms, 30s, 5m, 1h (a plain number is seconds)`);
  const ms = Math.round(Number(m[1]) * UNIT_MS[(m[2] ?? 's').toLowerCase()]!);
  // Every caller waits or times out with it: zero would mean "fail at once".
  if (ms <= 0) throw new UsageError(`invalid duration "${input}": it must be more than zero`);
  if (!Number.isSafeInteger(ms) || ms > MAX_DURATION_MS) throw new UsageError(`invalid duration "${input}": at most 100 years (36500d)`);
  return ms;
}

/** No duration or relative time orderctl accepts is longer: beyond it, dates leave any calendar a server knows. */
export const MAX_DURATION_MS = 36_500 * 86_400_000;

/** 2026-11-01T10:00:00Z; milliseconds only when there are some (…:00.250Z). */
export function toIsoUtc(d: Date): string {
  return d.toISOString().replace('.000Z', 'Z');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
// "jan" → 1: looked up twice per listed order, so not a search that lowercases twelve names each time.
const MONTH_NUMBER = new Map(MONTHS.map((name, i) => [name.toLowerCase(), i + 1]));
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
// RFC 2822 §3.3, plus the obsolete US zone names of §4.3.
const RFC2822 = /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?(?:\s*([+-]\d{4}|GMT|UT|UTC|Z|[ECMP][SD]T))?$/i;
const UTC_ZONES = new Set(['+0000', '-0000', 'GMT', 'UT', 'UTC', 'Z']);
const daysIn = (y: number, month: number) => (month === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31);
const NAMED_ZONES: Record<string, number> = { EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420 };

/** "Wed, 10 Jan 2018 21:05:30 +0000" (any offset) → "2018-01-10T21:05:30Z"; empty or unreadable → null. */
export function rfc2822ToIso(s: string | null | undefined): string | null {
  if (!s) return null;
  const m = RFC2822.exec(s.trim());
  if (!m) return null;
  const month = MONTH_NUMBER.get(m[2]!.toLowerCase()) ?? 0;
  const zone = (m[7] ?? 'GMT').toUpperCase();
  // In UTC already (what BigCommerce sends, two dates per listed order): the text is the answer, without a Date.
  if (UTC_ZONES.has(zone) && month && m[3]! >= '1000') {
    const day = Number(m[1]);
    if (day < 1 || day > daysIn(Number(m[3]), month) || m[4]! > '23' || m[5]! > '59' || (m[6] ?? '00') > '59') return null;
    return `${m[3]}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}T${m[4]}:${m[5]}:${m[6] ?? '00'}Z`;
  }
  const offset = /^[+-]/.test(zone) ? offsetMinutes(zone) : (NAMED_ZONES[zone] ?? 0);
  const local = month ? exactUtc(Number(m[3]), month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)) : undefined;
  if (local === undefined || offset === undefined) return null;
  return toIsoUtc(new Date(local - offset * 60_000));
}

/** The form BigCommerce sends: "Wed, 10 Jan 2018 21:05:30 +0000", always in UTC. */
export function toRfc2822(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}
