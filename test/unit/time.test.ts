import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { parseDuration, parseTimeInput, rfc2822ToIso, toIsoUtc, toRfc2822 } from '../../src/core/time.js';

const now = new Date('2026-11-23T15:30:00Z');
const iso = (s: string) => toIsoUtc(parseTimeInput(s, now));

describe('parseTimeInput', () => {
  it.each([
    ['2026-11-01', '2026-11-01T00:00:00Z'],
    ['2026-11-01T10:00:00Z', '2026-11-01T10:00:00Z'],
    ['2026-11-01T10:00', '2026-11-01T10:00:00Z'],
    ['2026-11-01T10:00:00+02:00', '2026-11-01T08:00:00Z'],
    ['2026-11-01T10:00:00-0130', '2026-11-01T11:30:00Z'],
    ['2026-11-01T10:00:00.250Z', '2026-11-01T10:00:00.250Z'],
    ['7d', '2026-11-16T15:30:00Z'],
    ['12h', '2026-11-23T03:30:00Z'],
    ['30m', '2026-11-23T15:00:00Z'],
    ['45s', '2026-11-23T15:29:15Z'],
    ['2w', '2026-11-09T15:30:00Z'],
    ['now', '2026-11-23T15:30:00Z'],
    ['today', '2026-11-23T00:00:00Z'],
    ['yesterday', '2026-11-22T00:00:00Z'],
  ])('%s → %s', (input, expected) => {
    expect(iso(input)).toBe(expected);
  });

  it.each(['next tuesday', '2026-02-30', '2026-13-01', '2026-11-01T25:00', '7x', '', '11/01/2026'])('refuses %j', (input) => {
    expect(() => parseTimeInput(input, now)).toThrow(UsageError);
    expect(() => parseTimeInput(input, now)).toThrow(/use ISO 8601/);
  });
});

describe('parseDuration', () => {
  it('reads units, plain numbers are seconds', () => {
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('30s')).toBe(30_000);
    expect(parseDuration('5m')).toBe(300_000);
    expect(parseDuration('1h')).toBe(3_600_000);
    expect(parseDuration('10')).toBe(10_000);
  });
  it('refuses nonsense and zero', () => {
    expect(() => parseDuration('soon')).toThrow(UsageError);
    expect(() => parseDuration('0s')).toThrow(/more than zero/);
  });
});

describe('RFC 2822 (BigCommerce dates)', () => {
  it('converts to ISO UTC from any offset', () => {
    expect(rfc2822ToIso('Wed, 10 Jan 2018 21:05:30 +0000')).toBe('2018-01-10T21:05:30Z');
    expect(rfc2822ToIso('Thu, 20 Apr 2017 11:32:00 -0400')).toBe('2017-04-20T15:32:00Z');
    expect(rfc2822ToIso('')).toBeNull();
    expect(rfc2822ToIso(null)).toBeNull();
    expect(rfc2822ToIso('garbage')).toBeNull();
  });
  it('writes it back', () => {
    expect(toRfc2822(new Date('2018-01-10T21:05:30Z'))).toBe('Wed, 10 Jan 2018 21:05:30 +0000');
    expect(rfc2822ToIso(toRfc2822(now))).toBe('2026-11-23T15:30:00Z');
  });
});
