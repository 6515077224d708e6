import { describe, expect, it } from 'vitest';
import { backoffDelay, goneByEarlierAttempt, mayHaveArrived, parseRetryAfter, shouldRetry, type RetryInput } from '../../src/core/retry.js';
import { seededRandom } from '../../src/core/clock.js';

const base: RetryInput = { method: 'GET', attempt: 1, maxAttempts: 4, outcome: { kind: 'response', status: 503 }, idempotencyKey: false, neverRetryAfterSend: false };

describe('shouldRetry', () => {
  it.each([429, 502, 503, 504])('retries GET, PUT and DELETE on %i', (status) => {
    for (const method of ['GET', 'PUT', 'DELETE']) expect(shouldRetry({ ...base, method, outcome: { kind: 'response', status } })).toBe(true);
  });

  it.each([400, 401, 403, 404, 409, 413, 422, 500])('does not retry %i', (status) => {
    expect(shouldRetry({ ...base, outcome: { kind: 'response', status } })).toBe(false);
  });

  it('retries network errors on idempotent methods', () => {
    expect(shouldRetry({ ...base, outcome: { kind: 'network', sent: true } })).toBe(true);
  });

  it('never retries a POST without an idempotency key once it may have been sent', () => {
    expect(shouldRetry({ ...base, method: 'POST', outcome: { kind: 'network', sent: true } })).toBe(false);
    expect(shouldRetry({ ...base, method: 'POST', outcome: { kind: 'response', status: 503 } })).toBe(false);
  });

  it('retries a 429 whatever the request: it was refused before any processing', () => {
    expect(shouldRetry({ ...base, method: 'POST', outcome: { kind: 'response', status: 429 } })).toBe(true);
    expect(shouldRetry({ ...base, method: 'POST', neverRetryAfterSend: true, outcome: { kind: 'response', status: 429 } })).toBe(true);
    expect(shouldRetry({ ...base, method: 'POST', attempt: 4, outcome: { kind: 'response', status: 429 } })).toBe(false);
  });

  it('retries a POST whose connection failed before sending', () => {
    expect(shouldRetry({ ...base, method: 'POST', outcome: { kind: 'network', sent: false } })).toBe(true);
  });

  it('retries a POST carrying an idempotency key', () => {
    expect(shouldRetry({ ...base, method: 'POST', idempotencyKey: true, outcome: { kind: 'response', status: 503 } })).toBe(true);
    expect(shouldRetry({ ...base, method: 'POST', idempotencyKey: true, outcome: { kind: 'network', sent: true } })).toBe(true);
  });

  it('never repeats a request marked neverRetryAfterSend, even with a key', () => {
    expect(shouldRetry({ ...base, method: 'POST', idempotencyKey: true, neverRetryAfterSend: true, outcome: { kind: 'response', status: 503 } })).toBe(false);
    expect(shouldRetry({ ...base, method: 'POST', neverRetryAfterSend: true, outcome: { kind: 'network', sent: false } })).toBe(true);
  });

  it('retries a truncated body only for GET', () => {
    expect(shouldRetry({ ...base, outcome: { kind: 'bad-body' } })).toBe(true);
    expect(shouldRetry({ ...base, method: 'PUT', outcome: { kind: 'bad-body' } })).toBe(false);
  });

  it('stops after the last attempt', () => {
    expect(shouldRetry({ ...base, attempt: 4 })).toBe(false);
  });
});

describe('backoffDelay', () => {
  it('stays within full-jitter bounds and grows with the attempt', () => {
    const random = seededRandom(7);
    for (let attempt = 1; attempt <= 8; attempt++) {
      const ceiling = Math.min(10_000, 300 * 2 ** (attempt - 1));
      for (let i = 0; i < 50; i++) {
        const d = backoffDelay(attempt, random);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(ceiling);
      }
    }
    expect(backoffDelay(3, () => 0.999999)).toBe(1199);
    expect(backoffDelay(20, () => 0.5)).toBe(5000);
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('0', now)).toBe(0);
  });
  it('reads an HTTP date', () => {
    expect(parseRetryAfter('Mon, 23 Nov 2026 12:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 11:00:00 GMT', now)).toBe(0);
  });
  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

describe('a DELETE whose repeat finds it gone', () => {
  it('counts as done only when an earlier attempt may have been carried out', () => {
    expect(mayHaveArrived({ kind: 'network', sent: true })).toBe(true);
    expect(mayHaveArrived({ kind: 'response', status: 504 })).toBe(true);
    expect(mayHaveArrived({ kind: 'network', sent: false })).toBe(false);
    expect(mayHaveArrived({ kind: 'response', status: 503 })).toBe(false);
    expect(goneByEarlierAttempt('DELETE', 404, true)).toBe(true);
    // A first answer of 404: nothing was there to remove.
    expect(goneByEarlierAttempt('DELETE', 404, false)).toBe(false);
    expect(goneByEarlierAttempt('PUT', 404, true)).toBe(false);
    expect(goneByEarlierAttempt('DELETE', 410, true)).toBe(false);
  });
});
