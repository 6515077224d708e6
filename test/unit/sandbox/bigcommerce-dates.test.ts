// parseStoredDate: the number parseApiDate gives, for the store's own form and
// for every other text a stored order's date may hold (a test or a state file
// can put anything there).

import { describe, expect, it } from 'vitest';
import { parseApiDate, parseStoredDate, rfc2822 } from '../../../src/sandbox/dialects/bigcommerce/common.js';
import { createRng } from '../../../src/sandbox/rng.js';

describe('parseStoredDate', () => {
  it('reads the store’s form as parseApiDate does, across years, months and days', () => {
    const rng = createRng(5);
    for (let i = 0; i < 2000; i++) {
      const ms = Date.UTC(1970, 0, 1) + rng.int(0, 130 * 365) * 86_400_000 + rng.int(0, 86_399) * 1000;
      const text = rfc2822(ms);
      expect(parseStoredDate(text), text).toBe(ms);
      expect(parseStoredDate(text)).toBe(parseApiDate(text));
    }
  });

  it('agrees with parseApiDate on other forms and on dates that do not exist', () => {
    const texts = [
      'Thu, 20 Apr 2017 11:32:00 -0400',
      'Thu, 20 Apr 2017 11:32:00 0400',
      '20 Apr 2017 11:32 +0000',
      'thu, 20 apr 2017 11:32:00 +0000',
      'Thu, 20 Apr 2017 11:32:00 GMT',
      ' Thu, 20 Apr 2017 11:32:00 +0000 ',
      'Thu, 2 Apr 2017 11:32:00 +0000',
      '2017-04-20T11:32:00.000-04:00',
      'Fri, 31 Feb 2017 11:32:00 +0000',
      'Thu, 00 Apr 2017 11:32:00 +0000',
      'Thu, 20 Apr 2017 24:00:00 +0000',
      'Thu, 20 Apr 2017 11:60:00 +0000',
      'Thu, 20 Apr 0050 11:32:00 +0000',
      'Thu, 20 Abc 2017 11:32:00 +0000',
      'Xyz, 20 Apr 2017 11:32:00 +0000',
      '',
      'not a date',
    ];
    for (const t of texts) expect(parseStoredDate(t), JSON.stringify(t)).toBe(parseApiDate(t));
  });
});
