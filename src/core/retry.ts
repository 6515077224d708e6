// When to try a request again, and how long to wait first. Pure functions, so
// the whole policy is tested without a server (like stripe-node's shouldRetry).

export type Attempt =
  | { kind: 'response'; status: number }
  /** sent: false when the connection failed before the request left us. */
  | { kind: 'network'; sent: boolean }
  /** A 2xx whose body was truncated or not JSON. */
  | { kind: 'bad-body' };

export interface RetryInput {
  method: string;
  attempt: number; // 1 for the first try
  maxAttempts: number;
  outcome: Attempt;
  idempotencyKey: boolean;
  /** For endpoints where a repeat would duplicate work and no key protects it. */
  neverRetryAfterSend: boolean;
  /** A POST or PATCH that is safe to repeat (a quote, a PATCH that sets values). */
  idempotent?: boolean;
}

/** The request may have been carried out though no answer said so (the answer was lost, or a gateway gave up waiting). */
export function mayHaveArrived(o: Attempt): boolean {
  return (o.kind === 'network' && o.sent) || (o.kind === 'response' && o.status === 504);
}

/**
 * A DELETE repeated after an attempt that may have been carried out, and
 * answered 404: that attempt removed it, so the DELETE is done.
 */
export function goneByEarlierAttempt(method: string, status: number, earlierMayHaveArrived: boolean): boolean {
  return method === 'DELETE' && status === 404 && earlierMayHaveArrived;
}

const RETRY_STATUSES = new Set([429, 502, 503, 504]);
const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

export function shouldRetry(r: RetryInput): boolean {
  if (r.attempt >= r.maxAttempts) return false;
  // Nothing reached the server: always safe.
  if (r.outcome.kind === 'network' && !r.outcome.sent) return true;
  // A 429 is a refusal before any processing (RFC 6585 §4; BigCommerce and
  // Squarespace reject over-quota requests): repeating it cannot double a change.
  if (r.outcome.kind === 'response' && r.outcome.status === 429) return true;
  if (r.neverRetryAfterSend) return false;
  const safe = IDEMPOTENT.has(r.method) || Boolean(r.idempotent) || (r.method === 'POST' && r.idempotencyKey);
  if (!safe) return false;
  switch (r.outcome.kind) {
    case 'network':
      return true;
    case 'response':
      return RETRY_STATUSES.has(r.outcome.status);
    case 'bad-body':
      return r.method === 'GET' || Boolean(r.idempotent);
  }
}

export interface BackoffOptions {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 300, capMs: 10_000 };

/** Exponential backoff with full jitter: uniform in [0, min(cap, base·2^(n-1))]. */
export function backoffDelay(attempt: number, random: () => number, o: BackoffOptions = DEFAULT_BACKOFF): number {
  const ceiling = Math.min(o.capMs, o.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}
