// The one HTTP client. Every request of every platform goes through
// HttpClient.request: auth headers, timeouts, the rate limiter, retries,
// idempotency keys, debug tracing with secrets redacted, and the mapping of
// failures to orderctl's errors. Only this module talks to undici.

import type { Dispatcher } from 'undici';
import type { Clock } from './clock.js';
import {
  ApiError,
  AuthError,
  DryRunStop,
  InterruptedError,
  NetworkError,
  NotFoundError,
  OrderctlError,
  RefusedError,
  UsageError,
} from './errors.js';
import { ArrayReader, type ElementMap, MapFailure, mapped, opensArray, parseJsonArray, SPLIT_MIN_BYTES } from './http-json.js';
import { networkHint } from './network-hint.js';
import { RateLimiter, type QuotaReading, type Wait } from './rate-limit.js';
import { redactHeaders, redactText } from './redact.js';
import { backoffDelay, goneByEarlierAttempt, mayHaveArrived, parseRetryAfter, shouldRetry, type Attempt } from './retry.js';
import { VERSION } from '../version.js';

export type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestSpec {
  method: Method;
  /** Built with `pathOf`, so every segment is already encoded. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** The body as JSON text, sent as it is (orderctl api keeps numbers as they were typed). */
  bodyText?: string;
  headers?: Record<string, string>;
  /** Sent as Idempotency-Key and reused by every retry: makes a POST retryable. */
  idempotencyKey?: string;
  /** The endpoint has no idempotency protection: never repeat once it may have arrived. */
  neverRetryAfterSend?: boolean;
  /** A POST or PATCH that can be repeated safely (a quote; a PATCH that sets values): retried like a GET. */
  idempotent?: boolean;
  /** A POST that changes nothing (a shipping quote): sent even with --dry-run, and retried like a GET. */
  readOnly?: boolean;
  /**
   * A page of a listing: each element of an array body is read by this as it
   * is parsed (its errors are thrown as they are, never retried), and the
   * body is the array of what it returns.
   */
  mapElement?: ElementMap;
  /** A 2xx body that is not JSON comes back as `text` instead of failing (orderctl api prints it). */
  anyBody?: boolean;
}

export interface HttpResponse<T = unknown> {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON, or undefined for an empty body (204). */
  body: T | undefined;
  /** With RequestSpec.anyBody: a body that is not JSON, as text. */
  text?: string;
}

/** What a platform adapter tells the client about its API. */
export interface PlatformHttp {
  name: string;
  baseUrl: string;
  authHeaders: Record<string, string>;
  /** Every form the secret takes, for redaction. */
  secrets: string[];
  /** What a 401/403 should say about where the refused secret came from. */
  authHint?: string;
  /** Turns the platform's error body into one readable sentence. */
  describeError?(body: unknown): string | undefined;
  /** Reads the platform's quota headers (BigCommerce X-Rate-Limit-*). */
  readQuota?(headers: Record<string, string>): QuotaReading;
  /** How long a 429 asks us to wait, beyond the standard Retry-After. */
  retryAfterMs?(headers: Record<string, string>): number | undefined;
}

export interface HttpOptions {
  timeoutMs: number;
  maxAttempts: number;
  /** Longest wait orderctl accepts from a server (Retry-After, quota headers): a longer one fails that request. */
  maxRetryWaitMs: number;
  /** Largest response body read (ORDERCTL_MAX_BODY): a bigger one fails that request. */
  maxBodyBytes: number;
  clock: Clock;
  random: () => number;
  signal?: AbortSignal;
  debug?: (line: string) => void;
  env: Record<string, string | undefined>;
  /** --dry-run: changes (anything but GET) are shown here instead of sent. */
  dryRun?: (request: string) => void;
  /** For tests: a dispatcher to use instead of the proxy-aware agent. */
  dispatcher?: Dispatcher;
  /** Told when the rate limit or a Retry-After holds requests for more than a second (progress lines). */
  onWait?: (wait: Wait) => void;
  /** Runs before each attempt is sent; what it throws, the request throws (Context.beforeRequest). */
  beforeRequest?: () => void;
}

// A page of 250 BigCommerce orders is about 1 MB: 64 MiB is far above any real answer.
export const DEFAULT_HTTP = { timeoutMs: 30_000, maxAttempts: 4, maxRetryWaitMs: 120_000, maxBodyBytes: 64 * 1024 * 1024 };

/** ORDERCTL_MAX_BODY: bytes, or with a unit (512KB, 64MB, 1GB); from 1 KB to 4 GB. */
export function parseByteSize(input: string, what: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(input.trim());
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(m?.[2] ?? 'b').toLowerCase() as 'b'];
  const n = m ? Math.round(Number(m[1]) * unit) : NaN;
  if (!(n >= 1024 && n <= 4 * 1024 ** 3)) throw new UsageError(`invalid ${what} "${input}": use a size from 1KB to 4GB, e.g. 64MB`);
  return n;
}

/** 90000 → "1m 30s": waits in messages. */
export function durationText(ms: number): string {
  if (!Number.isFinite(ms)) return 'forever';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${Math.max(s, ms > 0 ? 1 : 0)}s`;
  const parts: Array<[number, string]> = [[Math.floor(s / 86400), 'd'], [Math.floor(s / 3600) % 24, 'h'], [Math.floor(s / 60) % 60, 'm'], [s % 60, 's']];
  return parts.filter(([n]) => n > 0).slice(0, 2).map(([n, u]) => `${n}${u}`).join(' ');
}

/** Builds a path from a template, encoding every interpolated value as one segment. */
export function pathOf(strings: TemplateStringsArray, ...values: Array<string | number>): string {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += encodeSegment(String(v)) + (strings[i + 1] ?? '');
  });
  return out;
}

/** Longer than any id a platform gives out; bounds what an error line can quote. */
export const MAX_ID_LENGTH = 256;

function encodeSegment(value: string): string {
  if (value === '') throw new UsageError('an id may not be empty');
  if (value.length > MAX_ID_LENGTH) throw new UsageError(`an id may be at most ${MAX_ID_LENGTH} characters (this one has ${value.length})`);
  // "." and ".." would be resolved away by URL normalization; encode them too.
  if (/^\.+$/.test(value)) return value.replace(/\./g, '%2E');
  return encodeURIComponent(value);
}

/** Refuses plain http:// except to loopback, where the sandbox lives. */
export function checkBaseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`invalid base URL "${raw}"`);
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return url;
  if (url.protocol === 'http:') {
    throw new UsageError(`refusing plain http:// to ${url.hostname}: credentials would travel unencrypted`, {
      hint: 'use https://, or http:// only for 127.0.0.1/localhost',
    });
  }
  throw new UsageError(`unsupported URL scheme "${url.protocol}" in "${raw}"`);
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

// Errors from undici that mean the request never left this machine.
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function errorCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let i = 0; i < 4 && e; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export interface RawResult {
  status: number;
  headers: Record<string, string>;
  /** The body as text, decoded when first asked for (a page parsed element by element never is). */
  readonly text: string;
}

interface Answer extends RawResult {
  /** The body as it arrived (none when it was read as it came: `elements`). */
  chunks: Buffer[];
  size: number;
  /** A page read element by element as it arrived (RequestSpec.mapElement): its elements, or why it could not be read. */
  elements?: unknown[] | 'invalid' | 'deep';
}

/** A chunk to the reader; a map's error stops the reading of the body. */
function pushTo(reader: ArrayReader, chunk: Buffer, body: { destroy(): unknown }): void {
  try {
    reader.push(chunk);
  } catch (err) {
    body.destroy();
    throw err;
  }
}

function answer(status: number, headers: Record<string, string>, read: { chunks: Buffer[]; size: number; elements?: unknown[] | 'invalid' | 'deep' }): Answer {
  let text: string | undefined;
  const { chunks, size } = read;
  return {
    status,
    headers,
    chunks,
    size,
    elements: read.elements,
    get text() {
      return (text ??= Buffer.concat(chunks, size).toString('utf8'));
    },
  };
}

// The answer behind an error, for `orderctl api`, which prints a failed answer's body.
const answers = new WeakMap<OrderctlError, RawResult>();

/** The server's answer that an error was made from (a non-2xx status), if any. */
export function answerOf(err: unknown): RawResult | undefined {
  return err instanceof OrderctlError ? answers.get(err) : undefined;
}

export class HttpClient {
  readonly limiter: RateLimiter;
  private dispatcher: Dispatcher | undefined;
  private readonly base: URL;

  constructor(
    readonly platform: PlatformHttp,
    private readonly opts: HttpOptions,
  ) {
    this.base = checkBaseUrl(platform.baseUrl);
    this.limiter = new RateLimiter(opts.clock, (until) => this.announceWait(until, `${platform.name}'s rate limit`));
    this.dispatcher = opts.dispatcher;
  }

  urlFor(spec: Pick<RequestSpec, 'path' | 'query'>): URL {
    const url = new URL(this.base.href.replace(/\/+$/, '') + spec.path);
    for (const [k, v] of Object.entries(spec.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    return url;
  }

  headersFor(spec: RequestSpec): Record<string, string> {
    return {
      accept: 'application/json',
      'user-agent': `orderctl/${VERSION} (node ${process.version})`,
      ...(spec.body !== undefined || spec.bodyText !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(spec.idempotencyKey ? { 'idempotency-key': spec.idempotencyKey } : {}),
      ...this.platform.authHeaders,
      ...spec.headers,
    };
  }

  async request<T = unknown>(spec: RequestSpec): Promise<HttpResponse<T>> {
    const url = this.urlFor(spec);
    // One headers object for every attempt: the idempotency key never changes between retries.
    const headers = this.headersFor(spec);
    const body = spec.bodyText ?? (spec.body === undefined ? undefined : JSON.stringify(spec.body));
    const what = `${spec.method} ${url.pathname}`;
    if (this.opts.dryRun && spec.method !== 'GET' && spec.method !== 'HEAD' && !spec.readOnly) {
      // Reads still happen (a shipment needs the order's items); changes do not.
      this.opts.dryRun(redactText(`${spec.method} ${url.href}${body === undefined ? '' : `\n${body}`}\n`, this.platform.secrets));
      throw new DryRunStop();
    }

    let arrivedBefore = false;
    for (let attempt = 1; ; attempt++) {
      await this.limiter.acquire(this.opts.signal, this.opts.maxRetryWaitMs, (wait) => this.waitTooLong(what, wait, 'its quota headers'));
      // After the limiter's wait, the last moment before it is sent.
      this.opts.beforeRequest?.();
      let outcome: Attempt;
      let raw: Answer | undefined;
      let failure: OrderctlError;
      try {
        this.trace('>', `${spec.method} ${url.href}`, headers, body);
        raw = await this.send(url, spec.method, headers, body, spec.mapElement);
        if (this.opts.debug) this.trace('<', `${raw.status} ${what}`, raw.headers, raw.text);
        if (this.platform.readQuota) this.limiter.observe(this.platform.readQuota(raw.headers));
        if (raw.status >= 200 && raw.status < 300) {
          if (spec.anyBody && raw.text.trim() !== '' && !/json/i.test(raw.headers['content-type'] ?? '')) return { status: raw.status, headers: raw.headers, body: undefined, text: raw.text };
          const parsed = this.parseBody<T>(raw, what, spec.mapElement);
          if (parsed.ok) return { status: raw.status, headers: raw.headers, body: parsed.body };
          outcome = { kind: 'bad-body' };
          failure = parsed.error;
        } else if (goneByEarlierAttempt(spec.method, raw.status, arrivedBefore)) {
          this.trace('~', `${what}: gone on the repeat, so the attempt whose answer was lost removed it`);
          return { status: 204, headers: raw.headers, body: undefined };
        } else {
          outcome = { kind: 'response', status: raw.status };
          failure = this.errorFor(raw, what);
        }
      } catch (err) {
        if (err instanceof MapFailure) throw err.thrown;
        if (err instanceof OrderctlError) throw err;
        if (this.opts.signal?.aborted) throw new InterruptedError();
        const code = errorCode(err);
        const sent = !(code && NOT_SENT_CODES.has(code));
        this.trace('!', `${what}: ${code ?? (err as Error).message}`);
        outcome = { kind: 'network', sent };
        failure = networkError(err, code, url, sent, spec, this.opts.env);
      }

      arrivedBefore ||= mayHaveArrived(outcome);
      const retry = shouldRetry({
        method: spec.method,
        attempt,
        maxAttempts: this.opts.maxAttempts,
        outcome,
        idempotencyKey: Boolean(spec.idempotencyKey),
        neverRetryAfterSend: Boolean(spec.neverRetryAfterSend),
        idempotent: spec.idempotent || spec.readOnly,
      });
      if (!retry) throw failure;
      const { wait, asked } = this.waitBeforeRetry(attempt, raw);
      // A server's wait past the cap fails this request only: nothing else pauses for it.
      if (!(wait <= this.opts.maxRetryWaitMs)) throw raw?.status === 429 ? this.waitTooLong(what, wait, 'a 429') : failure;
      this.trace('~', `retrying ${what} in ${wait} ms (attempt ${attempt + 1} of ${this.opts.maxAttempts})`);
      // After a 429 every request holds in the limiter, this one too (at the top of the loop).
      if (raw?.status === 429) {
        this.limiter.pause(wait);
        continue;
      }
      if (asked) this.announceWait(this.opts.clock.now().getTime() + wait, `${this.platform.name}'s Retry-After`);
      await this.opts.clock.sleep(wait, this.opts.signal);
    }
  }

  /** How long to wait before the next attempt, and whether the server asked for it. */
  private waitBeforeRetry(attempt: number, raw: RawResult | undefined): { wait: number; asked: boolean } {
    const now = this.opts.clock.now();
    const asked = raw
      ? (parseRetryAfter(raw.headers['retry-after'], now) ?? (raw.status === 429 ? this.platform.retryAfterMs?.(raw.headers) : undefined))
      : undefined;
    return asked === undefined ? { wait: backoffDelay(attempt, this.opts.random), asked: false } : { wait: asked, asked: true };
  }

  /** A hold of more than a second is said: in --debug, and to a progress line on a terminal. */
  private announceWait(until: number, why: string): void {
    const ms = until - this.opts.clock.now().getTime();
    if (ms <= 1000) return;
    this.opts.debug?.(`waiting ${Math.ceil(ms / 1000)} s for ${why}`);
    this.opts.onWait?.({ until, why });
  }

  private waitTooLong(what: string, wait: number, source: string): ApiError {
    return new ApiError(`${this.platform.name} asked (in ${source}) to wait ${durationText(wait)} before ${what}, longer than orderctl waits (${durationText(this.opts.maxRetryWaitMs)})`, {
      status: 429,
      hint: 'try again later',
    });
  }

  private async send(url: URL, method: Method, headers: Record<string, string>, body: string | undefined, map?: ElementMap): Promise<Answer> {
    this.dispatcher ??= this.makeDispatcher(await loadUndici());
    // undici's own timers tick about once a second, so a 300 ms --timeout would
    // wait a second or more for headers: a timer of ours keeps the promise.
    const waiting = new AbortController();
    const timer = setTimeout(() => waiting.abort(), this.opts.timeoutMs);
    let res: Dispatcher.ResponseData;
    try {
      res = await this.dispatcher.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method,
        headers,
        body,
        signal: this.opts.signal ? AbortSignal.any([this.opts.signal, waiting.signal]) : waiting.signal,
        headersTimeout: this.opts.timeoutMs,
        bodyTimeout: this.opts.timeoutMs,
      });
    } catch (err) {
      clearTimeout(timer);
      if (waiting.signal.aborted && !this.opts.signal?.aborted) throw Object.assign(new Error('headers timeout'), { code: 'UND_ERR_HEADERS_TIMEOUT', cause: err });
      throw err;
    }
    // The same timer bounds the whole read (a body trickled a byte a second
    // never trips undici's idle timer), and the body's size is capped.
    // A page of a listing (2xx JSON) is read element by element as it comes, unless --debug prints it.
    const json = /json/i.test(String(res.headers['content-type'] ?? ''));
    const reader = map && res.statusCode >= 200 && res.statusCode < 300 && json && !this.opts.debug ? new ArrayReader(MAX_JSON_DEPTH, map) : undefined;
    let read: { chunks: Buffer[]; size: number; elements?: unknown[] | 'invalid' | 'deep' };
    try {
      read = await this.readCapped(res.body, url, reader);
    } catch (err) {
      if (waiting.signal.aborted && !this.opts.signal?.aborted) throw Object.assign(new Error('body timeout'), { code: 'UND_ERR_BODY_TIMEOUT', cause: err });
      throw err;
    } finally {
      clearTimeout(timer);
    }
    const flat: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) flat[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
    return answer(res.statusCode, flat, read);
  }

  /**
   * The body, up to the size cap. With a reader, a body that opens an array is
   * read by it as it comes and its chunks are let go: a page never sits whole
   * in memory. Any other body is kept for the usual parse.
   */
  private async readCapped(body: Dispatcher.ResponseData['body'], url: URL, reader?: ArrayReader): Promise<{ chunks: Buffer[]; size: number; elements?: unknown[] | 'invalid' | 'deep' }> {
    const chunks: Buffer[] = [];
    let size = 0;
    // Once the reader has the array, the chunks are its alone.
    let itsAlone = false;
    for await (const chunk of body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > this.opts.maxBodyBytes) {
        body.destroy();
        throw new ApiError(`${this.platform.name} answered ${url.pathname} with a body larger than ${Math.round(this.opts.maxBodyBytes / 1024 ** 2)} MB; orderctl stopped reading it`, {
          hint: 'raise ORDERCTL_MAX_BODY if this store really sends pages that large',
        });
      }
      if (itsAlone) {
        pushTo(reader!, chunk, body);
        continue;
      }
      if (reader?.ok) {
        pushTo(reader, chunk, body);
        if (reader.opened) {
          // Whitespace at most came before the array: nothing kept is needed.
          itsAlone = true;
          chunks.length = 0;
          continue;
        }
      }
      chunks.push(chunk);
    }
    return itsAlone ? { chunks, size, elements: reader!.end() ?? reader!.failure ?? 'invalid' } : { chunks, size };
  }

  private makeDispatcher({ EnvHttpProxyAgent }: Undici): Dispatcher {
    const t = this.opts.timeoutMs;
    const env = this.opts.env;
    // Node 20's fetch ignores HTTP(S)_PROXY; undici's EnvHttpProxyAgent reads them (and NO_PROXY).
    return new EnvHttpProxyAgent({
      httpProxy: env.HTTP_PROXY ?? env.http_proxy,
      httpsProxy: env.HTTPS_PROXY ?? env.https_proxy,
      noProxy: env.NO_PROXY ?? env.no_proxy,
      connect: { timeout: t },
      headersTimeout: t,
      bodyTimeout: t,
      keepAliveTimeout: 10_000,
    });
  }

  private parseBody<T>(raw: Answer, what: string, map?: ElementMap): { ok: true; body: T | undefined } | { ok: false; error: OrderctlError } {
    if (raw.elements === 'invalid') return { ok: false, error: this.invalidJson(raw, what) };
    if (raw.elements === 'deep') return { ok: false, error: this.tooDeep(raw, what) };
    if (raw.elements) return { ok: true, body: raw.elements as T };
    // A large array (a page of a listing) is parsed element by element: src/core/http-json.ts says why.
    const page = raw.size >= SPLIT_MIN_BYTES && opensArray(raw.chunks);
    if (!page && raw.text.trim() === '') return { ok: true, body: undefined };
    const type = raw.headers['content-type'] ?? 'no content type';
    if (!/json/i.test(type)) {
      return { ok: false, error: new ApiError(`${this.platform.name} answered ${what} with ${raw.status} and ${type}, not JSON`, { status: raw.status }) };
    }
    try {
      const elements = page ? parseJsonArray(raw.chunks, MAX_JSON_DEPTH, map) : undefined;
      if (elements) return { ok: true, body: elements as T };
      const body = JSON.parse(raw.text) as T;
      // JSON.parse takes any depth; printing or digesting it recurses and would crash.
      if (depthOver(body, MAX_JSON_DEPTH)) return { ok: false, error: this.tooDeep(raw, what) };
      return { ok: true, body: map && Array.isArray(body) ? (body.map((e, i) => mapped(map, e, i)) as T) : body };
    } catch (err) {
      if (err instanceof MapFailure) throw err;
      return { ok: false, error: this.invalidJson(raw, what) };
    }
  }

  private tooDeep(raw: Answer, what: string): ApiError {
    return new ApiError(`${this.platform.name} answered ${what} with JSON nested more than ${MAX_JSON_DEPTH} levels deep, which no order is`, { status: raw.status });
  }

  private invalidJson(raw: Answer, what: string): ApiError {
    const type = raw.headers['content-type'] ?? 'no content type';
    return new ApiError(`${this.platform.name} answered ${what} with ${raw.status} and a truncated or invalid JSON body (${type})`, { status: raw.status });
  }

  private errorFor(raw: RawResult, what: string): OrderctlError {
    const type = raw.headers['content-type'] ?? '';
    let detail: string | undefined;
    // An empty body (a HEAD's answer, a bare status) has nothing to describe.
    const empty = raw.text.trim() === '';
    if (!empty && /json/i.test(type)) {
      try {
        detail = this.platform.describeError?.(JSON.parse(raw.text));
      } catch {
        detail = 'the error body was truncated or invalid JSON';
      }
    } else if (!empty) {
      detail = `the body was ${type || 'not JSON'}, not JSON`;
    }
    const error = this.errorFromStatus(raw, what, detail);
    answers.set(error, raw);
    return error;
  }

  private errorFromStatus(raw: RawResult, what: string, detail: string | undefined): OrderctlError {
    const status = raw.status;
    const message = redactText(`${this.platform.name} answered ${what} with ${status}${detail ? `: ${detail}` : ''}`, this.platform.secrets);
    const d = { status };
    if (status === 401 || status === 403) {
      return new AuthError(message, { ...d, hint: this.platform.authHint ?? 'check the profile\'s credentials with "orderctl profile test"' });
    }
    if (status === 404) return new NotFoundError(message, d);
    if (status === 409 || status === 422) return new RefusedError(message, d);
    if (status === 429) return new ApiError(message, { ...d, hint: 'the rate limit was still exhausted after retries; try again later' });
    return new ApiError(message, d);
  }

  private trace(dir: string, line: string, headers?: Record<string, string>, body?: string): void {
    const debug = this.opts.debug;
    if (!debug) return;
    const secrets = this.platform.secrets;
    debug(redactText(`${dir} ${line}`, secrets));
    if (headers) for (const [k, v] of Object.entries(redactHeaders(headers))) debug(`${dir}   ${k}: ${redactText(v, secrets)}`);
    if (body) {
      // Redact first, then cut: a cut through a secret would leave part of it.
      const clean = redactText(body, secrets);
      debug(`${dir}   ${clean.length > 4000 ? `${clean.slice(0, 4000)}… (${body.length} bytes)` : clean}`);
    }
  }

  /** A line for --debug about how a command reads (a fallback to one request per order, say). */
  note(line: string): void {
    this.trace('~', line);
  }

  /** Ends idle keep-alive connections at once (a graceful close waits for the server's timeout). */
  async close(): Promise<void> {
    await this.dispatcher?.destroy();
  }
}

interface Undici {
  EnvHttpProxyAgent: typeof import('undici').EnvHttpProxyAgent;
}

let undici: Promise<Undici> | undefined;

/**
 * The parts of undici orderctl uses, wired as undici's own index.js wires them:
 * the request API (and `connect`, which the proxy agent's CONNECT tunnel calls)
 * lives on Dispatcher.prototype. The index itself also loads fetch, WebSocket,
 * caches, cookies and mocks, and reads globalThis.Headers, which makes Node
 * load its internal copy of undici: about 60 ms of a short command's run.
 */
function loadUndici(): Promise<Undici> {
  return (undici ??= (async () => {
    // undici is CommonJS: each module's exports arrive as the default export.
    // (Its WebAssembly parser stays on baseline code: bin/load.js says why.)
    const [{ default: Dispatcher }, { default: api }, { default: EnvHttpProxyAgent }] = await Promise.all([
      import('undici/lib/dispatcher/dispatcher.js'),
      import('undici/lib/api/index.js'),
      import('undici/lib/dispatcher/env-http-proxy-agent.js'),
    ]);
    Object.assign(Dispatcher.prototype, api);
    return { EnvHttpProxyAgent };
  })());
}

/** A real order is a handful of levels deep. */
export const MAX_JSON_DEPTH = 64;

/**
 * Whether a parsed JSON value nests deeper than `max`. It recurses at most
 * `max` levels, so the hostile depth it looks for cannot overflow the stack;
 * it allocates nothing (every page of a listing passes through here).
 */
export function depthOver(value: unknown, max: number): boolean {
  return typeof value === 'object' && value !== null && nestsOver(value, 1, max);
}

function nestsOver(v: object, depth: number, max: number): boolean {
  if (depth > max) return true;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const c: unknown = v[i];
      if (typeof c === 'object' && c !== null && nestsOver(c, depth + 1, max)) return true;
    }
    return false;
  }
  for (const k in v) {
    const c: unknown = (v as Record<string, unknown>)[k];
    if (typeof c === 'object' && c !== null && nestsOver(c, depth + 1, max)) return true;
  }
  return false;
}

export const MAY_HAVE_ARRIVED_HINT = 'the request may have reached the server, so it was not repeated; check the order before trying again';

/** A change that must not be sent twice: nothing but a refusal before processing may repeat it. */
function unrepeatable(spec: Pick<RequestSpec, 'method' | 'idempotencyKey' | 'neverRetryAfterSend'>): boolean {
  return Boolean(spec.neverRetryAfterSend) || (spec.method === 'POST' && !spec.idempotencyKey);
}

function networkError(err: unknown, code: string | undefined, url: URL, sent: boolean, spec: RequestSpec, env: HttpOptions['env']): OrderctlError {
  const reason = code ?? (err as Error)?.message ?? String(err);
  // A change that timed out waiting for its answer may have been made: say so before "raise --timeout".
  const unsafe = sent && unrepeatable(spec);
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') {
    return new NetworkError(`${spec.method} ${url.host}${url.pathname} timed out (${reason})`, { hint: unsafe ? MAY_HAVE_ARRIVED_HINT : 'raise --timeout, or check the network' });
  }
  return new NetworkError(`${spec.method} ${url.host}${url.pathname} failed: ${reason}`, { hint: unsafe ? MAY_HAVE_ARRIVED_HINT : networkHint(code, url, env) });
}

/**
 * A 2xx whose body is not the documented shape. After a change that must not
 * be sent twice, the change was made: the error says so, or a user would repeat it.
 */
export function unexpectedBody(platform: string, what: string, expected: string, spec?: Pick<RequestSpec, 'method' | 'idempotencyKey' | 'neverRetryAfterSend'>): ApiError {
  const made = spec && spec.method !== 'GET' && unrepeatable(spec);
  return new ApiError(`${platform} answered ${what} with an unexpected body (expected ${expected})`, {
    hint: made ? 'the server accepted the request (it answered 2xx), so it was not repeated; check the order before trying again' : undefined,
  });
}
