// What every platform dialect of the sandbox implements. A dialect is plain
// functions over plain data: the server parses HTTP, routes by prefix, applies
// faults and quotas, and persists; the dialect speaks the platform's API.

import type { QuotaLimit, QuotaReading } from './rate-limit.js';
import type { Rng } from './rng.js';
import type { PlatformSection, SandboxStore } from './store.js';

export interface DialectRequest {
  method: string;
  /** After the prefix, e.g. '/orders/7' ('' when the request is the prefix itself). */
  path: string;
  query: Record<string, string>;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** Parsed JSON, or undefined when there was no body. */
  body: unknown;
  /** Values of the prefix's :params, e.g. { hash: 'sandbox' }. */
  params: Record<string, string>;
  /** Absolute URL of the matched prefix, for links in answers. */
  baseUrl: string;
}

export interface DialectResponse {
  status: number;
  headers?: Record<string, string>;
  /** JSON-serializable; absent for 204 and other empty answers. */
  body?: unknown;
  /** A page for a person's browser instead of JSON (Outshifter's shopper payment page). */
  html?: string;
}

export interface DialectContext {
  store: SandboxStore;
  /** ms since epoch: the sandbox's clock (injected in tests). */
  now: number;
}

export interface Dialect<S extends PlatformSection = PlatformSection> {
  /** The state section name and the key of Sandbox.baseUrls. */
  platform: string;
  /** URL path prefix with :params, e.g. '/bigcommerce/stores/:hash/v2'. */
  prefix: string;
  /** The prefix with example params filled in, e.g. '/bigcommerce/stores/sandbox/v2'. */
  basePath: string;
  /** The platform's documented quota, used unless the sandbox is given another. */
  defaultRateLimit?: QuotaLimit;
  /** Deterministic from rng; dates from `now`, a fixed reference, never the wall clock. */
  seed(rng: Rng, count: number, now: number): S;
  /** Paths a shopper opens without the API key (a payment page): no authentication, no quota. */
  isPublic?(method: string, path: string): boolean;
  /** An error answer when the credentials are refused; undefined when accepted. */
  authenticate(headers: Record<string, string>, token: string): DialectResponse | undefined;
  handle(req: DialectRequest, ctx: DialectContext): DialectResponse | Promise<DialectResponse>;
  /** Headers sent on every answer about the quota. */
  quotaHeaders(q: QuotaReading): Record<string, string>;
  /** The answer when the quota is used up. */
  quotaExceeded(q: QuotaReading): DialectResponse;
  /** The platform's error shape, for answers the server makes itself (bad JSON, faults). */
  error(status: number, message: string): DialectResponse;
  /** Counts for `sandbox info`, e.g. { orders: 60, archived: 1 }. */
  summarize(section: S): Record<string, number>;
}

/** '/bigcommerce/stores/:hash/v2' → a matcher of that prefix at the start of a path. */
export function compilePrefix(prefix: string): (path: string) => { params: Record<string, string>; rest: string; matched: string } | undefined {
  const names: string[] = [];
  const source = prefix
    .split('/')
    .map((part) => {
      if (part.startsWith(':')) {
        names.push(part.slice(1));
        return '([^/]+)';
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  const re = new RegExp(`^${source}(?=/|$)`);
  return (path) => {
    const m = re.exec(path);
    if (!m) return undefined;
    const params: Record<string, string> = {};
    names.forEach((n, i) => {
      params[n] = decodeURIComponent(m[i + 1]!);
    });
    return { params, rest: path.slice(m[0].length), matched: m[0] };
  };
}
