import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { parseDuration, parseTimeInput, rfc2822ToIso, toIsoUtc, toRfc2822 } from '../../src/core/time.js';

const now = new Date('2026-11-23T15:30:00Z');
const iso = (s: string) => toIsoUtc(parseTimeInput(s, now));

describe('parseTimeInput', () => {
  it.each([
    ['2026-11-01', '2026-11-01T00:00:00Z'],
    ['2026-11-01T10:00:00Z', '2026-11-01T10:00:00Z'],
    ['2026-11-01t10:00:00z', '2026-11-01T10:00:00Z'],
    ['2026-11-01T10:00', '2026-11-01T10:00:00Z'],
    ['2026-11-01 10:00:00', '2026-11-01T10:00:00Z'],
    ['2026-11-01T10:00:00+02:00', '2026-11-01T08:00:00Z'],
    ['2026-11-01T01:00:00+02:00', '2026-10-31T23:00:00Z'],
    ['2026-11-01T10:00:00-0130', '2026-11-01T11:30:00Z'],
    ['2026-11-01T10:00:00.250Z', '2026-11-01T10:00:00.250Z'],
    ['2026-11-01T10:00:00.123456+01:00', '2026-11-01T09:00:00.123Z'],
    ['2028-02-29', '2028-02-29T00:00:00Z'],
    [' 2026-11-01 ', '2026-11-01T00:00:00Z'],
    ['7d', '2026-11-16T15:30:00Z'],
    ['12h', '2026-11-23T03:30:00Z'],
    ['30m', '2026-11-23T15:00:00Z'],
    ['45s', '2026-11-23T15:29:15Z'],
    ['2w', '2026-11-09T15:30:00Z'],
    ['now', '2026-11-23T15:30:00Z'],
    ['today', '2026-11-23T00:00:00Z'],
    ['Yesterday', '2026-11-22T00:00:00Z'],
  ])('%j → %s', (input, expected) => {
    expect(iso(input)).toBe(expected);
  });

  it('counts yesterday across a month boundary, in UTC', () => {
    expect(toIsoUtc(parseTimeInput('yesterday', new Date('2026-03-01T00:30:00+01:00')))).toBe('2026-02-27T00:00:00Z');
    expect(toIsoUtc(parseTimeInput('yesterday', new Date('2026-03-01T00:30:00Z')))).toBe('2026-02-28T00:00:00Z');
  });

  it('does not share the Date it was given', () => {
    const t = parseTimeInput('now', now);
    expect(t).not.toBe(now);
    expect(t.getTime()).toBe(now.getTime());
  });

  it.each(['next tuesday', '2026-02-30', '2027-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-11-00', '2026-11-01T25:00', '2026-11-01T10:60', '2026-11-01T10:00:00+25:00', '7x', '7', '-7d', '', '11/01/2026', '99999999999999999d'])('refuses %j', (input) => {
    expect(() => parseTimeInput(input, now)).toThrow(UsageError);
    expect(() => parseTimeInput(input, now)).toThrow(`invalid time "${input}": use ISO 8601 (2026-11-01, 2026-11-01T10:00:00Z) or a relative form (7d, 12h, yesterday)`);
  });

  it('fails with the usage exit code', () => {
    const err = (() => {
      try {
        parseTimeInput('soon', now);
      } catch (e) {
        return e as UsageError;
      }
    })();
    expect(err?.exitCode).toBe(2);
  });
});

describe('parseDuration', () => {
  it('reads units, plain numbers are seconds', () => {
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('30s')).toBe(30_000);
    expect(parseDuration('5m')).toBe(300_000);
    expect(parseDuration('1h')).toBe(3_600_000);
    expect(parseDuration('1.5s')).toBe(1500);
    expect(parseDuration('10')).toBe(10_000);
    expect(parseDuration(' 2M ')).toBe(120_000);
  });
  it('refuses nonsense, negatives and zero', () => {
    expect(() => parseDuration('soon')).toThrow(UsageError);
    expect(() => parseDuration('soon')).toThrow('invalid duration "soon": use e.g. 500ms, 30s, 5m, 1h (a plain number is seconds)');
    expect(() => parseDuration('-5s')).toThrow(UsageError);
    expect(() => parseDuration('5 s')).toThrow(UsageError);
    expect(() => parseDuration('')).toThrow(UsageError);
    expect(() => parseDuration('0s')).toThrow(/more than zero/);
    expect(() => parseDuration('1e400')).toThrow(UsageError);
  });
});

describe('toIsoUtc', () => {
  it('drops zero milliseconds and keeps real ones', () => {
    expect(toIsoUtc(new Date('2026-11-01T10:00:00.000Z'))).toBe('2026-11-01T10:00:00Z');
    expect(toIsoUtc(new Date('2026-11-01T10:00:00.010Z'))).toBe('2026-11-01T10:00:00.010Z');
    expect(toIsoUtc(new Date('2026-11-01T12:00:00+02:00'))).toBe('2026-11-01T10:00:00Z');
  });
});

describe('RFC 2822 (BigCommerce dates)', () => {
  it.each([
    ['Wed, 10 Jan 2018 21:05:30 +0000', '2018-01-10T21:05:30Z'],
    ['Thu, 20 Apr 2017 11:32:00 -0400', '2017-04-20T15:32:00Z'],
    ['Thu, 20 Apr 2017 01:32:00 +0530', '2017-04-19T20:02:00Z'],
    ['Sun, 31 Dec 2017 23:30:00 -0100', '2018-01-01T00:30:00Z'],
    ['10 Jan 2018 21:05 GMT', '2018-01-10T21:05:00Z'],
    ['Wed, 10 Jan 2018 16:05:30 EST', '2018-01-10T21:05:30Z'],
    ['wed, 1 jan 2018 00:00:00 +0000', '2018-01-01T00:00:00Z'],
  ])('%s → %s', (input, expected) => {
    expect(rfc2822ToIso(input)).toBe(expected);
  });

  it.each(['', null, undefined, 'garbage', '2018-01-10T21:05:30Z', 'Wed, 30 Feb 2018 21:05:30 +0000', 'Wed, 10 Foo 2018 21:05:30 +0000', 'Wed, 10 Jan 2018 24:05:30 +0000', 'Wed, 10 Jan 2018 21:05:30 +0099'])('%j → null', (input) => {
    expect(rfc2822ToIso(input)).toBeNull();
  });

  it('reads a UTC date as its offset form does: the same instant, and the same refusals', () => {
    // Every day 0–32 of every month of leap and common years, at good and impossible times.
    const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    for (const year of [1900, 2000, 2023, 2024, 2100])
      for (const month of names)
        for (let day = 0; day <= 32; day++)
          for (const time of ['00:00:00', '23:59:59', '24:00:00', '23:60:00', '12:30:60', '07:08']) {
            const text = `${day} ${month} ${year} ${time}`;
            // "+0000" is read by the UTC path; "-0001", a minute later, by the general one.
            const general = rfc2822ToIso(`${text} -0001`);
            const expected = general === null ? null : new Date(Date.parse(general) - 60_000).toISOString().replace('.000Z', 'Z');
            expect(rfc2822ToIso(`${text} +0000`), text).toBe(expected);
            expect(rfc2822ToIso(`${text} GMT`), text).toBe(expected);
          }
  });

  it('reads every month, in any case', () => {
    const names = ['Jan', 'FEB', 'mar', 'Apr', 'MAY', 'jun', 'Jul', 'AUG', 'sep', 'Oct', 'NOV', 'dec'];
    names.forEach((name, i) => expect(rfc2822ToIso(`1 ${name} 2020 00:00:00 +0000`)).toBe(`2020-${String(i + 1).padStart(2, '0')}-01T00:00:00Z`));
  });

  it('writes it back', () => {
    expect(toRfc2822(new Date('2018-01-10T21:05:30Z'))).toBe('Wed, 10 Jan 2018 21:05:30 +0000');
    expect(toRfc2822(new Date('2026-03-01T00:30:00+01:00'))).toBe('Sat, 28 Feb 2026 23:30:00 +0000');
    expect(rfc2822ToIso(toRfc2822(now))).toBe('2026-11-23T15:30:00Z');
  });
});
