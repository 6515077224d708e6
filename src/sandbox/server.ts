// The sandbox server: real HTTP on 127.0.0.1 that speaks each platform's
// dialect, over one persisted, deterministic state, with seeded faults,
// latency and the platforms' own request quotas (DESIGN.md, "The sandbox").

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { bigcommerceDialect } from './dialects/bigcommerce/index.js';
import { cscartDialect } from './dialects/cscart/index.js';
import { outshifterDialect } from './dialects/outshifter/index.js';
import { squarespaceDialect } from './dialects/squarespace/index.js';
import { compilePrefix, type Dialect, type DialectRequest, type DialectResponse } from './dialect.js';
import { BAD_SHAPE_BODY, cannedFault, FAULT_STAGE, FaultInjector, type FaultKind, type FaultTarget } from './faults.js';
import { jsonBytes } from './json-bytes.js';
import { QuotaWindowLimiter, type QuotaLimit } from './rate-limit.js';
import { createRng, deriveSeed } from './rng.js';
import { emptyState, readStateFile, SandboxStore, writeStateFile, type SandboxState } from './store.js';

export { FAULT_KINDS, type FaultKind, type FaultTarget } from './faults.js';

export const DEFAULT_TOKEN = 'sandbox-token';
export const DEFAULT_SEED = 1;
export const DEFAULT_ORDERS = 60;
export const DEFAULT_SPIKE_MS = 1500;
/** Seeded data is dated before this fixed day, so it never depends on the wall clock. */
export const SEED_REFERENCE_MS = Date.UTC(2026, 10, 1);
const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** Every platform the sandbox speaks; a new dialect is added here and owns its state section. */
export const DIALECTS: readonly Dialect[] = [
  bigcommerceDialect,
  cscartDialect,
  squarespaceDialect,
  outshifterDialect,
];

export interface SandboxOptions {
  /** Default 0: any free port. */
  port?: number;
  /** JSON state file; absent = memory only. */
  statePath?: string;
  /** Default 1. */
  seed?: number;
  /** Seeded orders per platform, default 60. */
  orders?: number;
  /** Added to every response. */
  latencyMs?: number;
  /** 0..1: share of requests that meet a fault drawn from `faults`. */
  failRate?: number;
  /** Which kinds failRate draws from; default all. */
  faults?: FaultKind[];
  /** How late a 'latency' fault answers; default 1500 ms. */
  spikeMs?: number;
  /** Default: each platform's documented quota (BigCommerce 150 per 30 000 ms). */
  rateLimit?: QuotaLimit;
  /** The accepted secret; default 'sandbox-token'. */
  token?: string;
  /** ms since epoch; default Date.now: new orders' dates and quota windows. */
  now?: () => number;
  /** Called for every request answered (for contract tests). */
  onExchange?: (ex: Exchange) => void;
  /** A file that says where this server listens while it runs (`sandbox serve`), for `sandbox pay`. */
  announce?: string;
}

/** What `sandbox serve` writes to its announce file. */
export interface Announcement {
  url: string;
  state: string | null;
}

export interface Exchange {
  /** '' when no platform serves the path. */
  platform: string;
  method: string;
  /** After the dialect prefix, e.g. '/orders/7'. */
  path: string;
  query: Record<string, string>;
  /** Lower-case names. */
  requestHeaders: Record<string, string>;
  requestBody: unknown;
  status: number;
  /** Lower-case names. */
  responseHeaders: Record<string, string>;
  /** Parsed JSON, or undefined. */
  responseBody: unknown;
  /** The fault this answer met, if any: such answers are not the API's documented shapes. */
  fault?: FaultKind;
}

export interface Sandbox {
  /** http://127.0.0.1:PORT */
  url: string;
  /** Per platform, e.g. bigcommerce → `${url}/bigcommerce/stores/sandbox/v2`. */
  baseUrls: Record<string, string>;
  token: string;
  store: SandboxStore;
  /** Queues faults for the next requests (those matching target, if given), one per request, in order. */
  injectFaults(kinds: FaultKind[], target?: FaultTarget): void;
  /** Faults queued and not yet met. */
  pendingFaults(): number;
  clearFaults(): void;
  /**
   * Resolves when every request received so far has been handled: a request
   * the client gave up on (a latency spike past its timeout) may still change
   * an order after the client has moved on.
   */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/** A platform's section as seeded: its rng is derived from the seed and the platform's name only. */
export function seedSection(d: Dialect, seed: number, orders: number) {
  return d.seed(createRng(deriveSeed(seed, d.platform)), orders, SEED_REFERENCE_MS);
}

export function seedState(seed: number, orders: number, dialects: readonly Dialect[] = DIALECTS): SandboxState {
  const state = emptyState(seed);
  for (const d of dialects) state.platforms[d.platform] = seedSection(d, seed, orders);
  return state;
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const now = opts.now ?? Date.now;
  const token = opts.token ?? DEFAULT_TOKEN;
  const orders = opts.orders ?? DEFAULT_ORDERS;
  // An existing file is loaded as it is (a corrupt one throws, naming it, and is never overwritten).
  const loaded = opts.statePath ? await readStateFile(opts.statePath) : undefined;
  const store = new SandboxStore(loaded ?? emptyState(opts.seed ?? DEFAULT_SEED), opts.statePath);
  let seeded = false;
  for (const d of DIALECTS) {
    if (store.has(d.platform)) continue;
    store.setSection(d.platform, seedSection(d, store.seed, orders));
    seeded = true;
  }
  if (seeded) await store.save();

  const routes = DIALECTS.map((d) => {
    const limit = opts.rateLimit ?? d.defaultRateLimit;
    return { dialect: d, match: compilePrefix(d.prefix), limiter: limit ? new QuotaWindowLimiter(limit) : undefined };
  });
  const faults = new FaultInjector({ seed: opts.seed ?? store.seed, failRate: opts.failRate, kinds: opts.faults });
  const spikeMs = opts.spikeMs ?? DEFAULT_SPIKE_MS;
  const closing = new AbortController();

  const inFlight = new Set<Promise<void>>();
  const server = http.createServer((req, res) => {
    const handled = handle(req, res).catch((err: unknown) => {
      if (closing.signal.aborted) return void req.socket.destroy();
      // A bug in a dialect: answer 500 rather than hang the client.
      if (!res.headersSent) {
        const body = JSON.stringify({ error: 'sandbox internal error', message: (err as Error).message });
        res.writeHead(500, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
        res.end(body);
      } else req.socket.destroy();
    });
    inFlight.add(handled);
    void handled.finally(() => inFlight.delete(handled));
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const fault = faults.next({ method: req.method ?? 'GET', path: (req.url ?? '/').split('?')[0]! });
    if (fault === 'reset-before') return void req.socket.destroy();
    const raw = await readBody(req);
    if (opts.latencyMs) await sleep(opts.latencyMs, undefined, { signal: closing.signal });
    if (fault === 'latency') await sleep(spikeMs, undefined, { signal: closing.signal });

    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const query: Record<string, string> = {};
    for (const [k, v] of url.searchParams) query[k] = v;
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
    const method = (req.method ?? 'GET').toUpperCase();
    const exchange = (platform: string, path: string, requestBody: unknown, r: DialectResponse, sentFault?: FaultKind) =>
      opts.onExchange?.({
        platform,
        method,
        path,
        query,
        requestHeaders: headers,
        requestBody,
        status: r.status,
        responseHeaders: lower({ ...(r.body !== undefined ? { 'content-type': 'application/json' } : {}), ...r.headers }),
        responseBody: r.body,
        ...(sentFault ? { fault: sentFault } : {}),
      });

    const route = routes.map((r) => ({ ...r, m: r.match(url.pathname) })).find((r) => r.m);
    if (!route || !route.m) {
      const r: DialectResponse = { status: 404, body: { status: 404, message: `No sandbox platform serves ${url.pathname}`, platforms: Object.fromEntries(routes.map((x) => [x.dialect.platform, x.dialect.basePath])) } };
      exchange('', url.pathname, undefined, r);
      return send(res, r);
    }
    const d = route.dialect;
    const path = route.m.rest;

    if (fault && FAULT_STAGE[fault] === 'answer') {
      // The request never reached the platform: a proxy or the gateway answered.
      const c = cannedFault(fault);
      if (c.html !== undefined) {
        opts.onExchange?.({ platform: d.platform, method, path, query, requestHeaders: headers, requestBody: undefined, status: c.status, responseHeaders: { 'content-type': 'text/html; charset=utf-8', ...c.headers }, responseBody: undefined, fault });
        return sendText(res, c.status, 'text/html; charset=utf-8', c.html, c.headers);
      }
      const r = d.error(c.status, c.message);
      const answer = { ...r, headers: { ...r.headers, ...c.headers } };
      exchange(d.platform, path, undefined, answer, fault);
      return send(res, answer);
    }

    let body: unknown;
    let response: DialectResponse | undefined;
    if (raw === undefined) response = d.error(413, `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
    else if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        body = raw.toString('utf8');
        response = d.error(400, 'The request body is not valid JSON.');
      }
    }
    const t = now();
    const open = d.isPublic?.(method, path) ?? false;
    const refused = open ? undefined : d.authenticate(headers, token);
    if (refused) {
      response = { ...refused, headers: { ...(route.limiter ? d.quotaHeaders(route.limiter.peek(t)) : {}), ...refused.headers } };
    } else {
      const quota = open ? undefined : route.limiter?.take(t);
      if (quota && !quota.allowed) response = d.quotaExceeded(quota);
      // A HEAD is answered as its GET would be; Node's server leaves the body out.
      response ??= await d.handle({ method: method === 'HEAD' ? 'GET' : method, path, query, headers, body, params: route.m.params, baseUrl: `http://${req.headers.host ?? '127.0.0.1'}${route.m.matched}` } satisfies DialectRequest, { store, now: t });
      if (quota) response = { ...response, headers: { ...d.quotaHeaders(quota), ...response.headers } };
    }
    // Every accepted change is on disk before the client hears of it.
    if (method !== 'GET' && method !== 'HEAD' && response.status < 400) await store.save();

    if (fault === 'reset-after') return void req.socket.destroy(); // processed, never answered
    if (fault === 'bad-shape') response = { status: 200, headers: response.headers, body: BAD_SHAPE_BODY };
    exchange(d.platform, path, body, response, fault);
    if (fault === 'truncated') return sendTruncated(res, response);
    if (response.html !== undefined) return sendText(res, response.status, 'text/html; charset=utf-8', response.html, response.headers);
    send(res, response);
  }

  /** The raw body, or undefined when it is too large. */
  function readBody(req: http.IncomingMessage): Promise<Buffer | undefined> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= MAX_BODY_BYTES) chunks.push(c);
      });
      req.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks)));
      req.on('error', reject);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let closed: Promise<void> | undefined;
  if (opts.announce) await writeAnnouncement(opts.announce, { url, state: opts.statePath ?? null });

  return {
    url,
    baseUrls: Object.fromEntries(DIALECTS.map((d) => [d.platform, `${url}${d.basePath}`])),
    token,
    store,
    injectFaults: (kinds, target) => faults.inject(kinds, target),
    pendingFaults: () => faults.pending,
    clearFaults: () => faults.clear(),
    settled: async () => {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
    close: () =>
      (closed ??= (async () => {
        closing.abort(); // requests waiting out a latency are dropped
        const done = new Promise<void>((resolve) => server.close(() => resolve()));
        // Keep-alive sockets would hold close() open until they time out.
        server.closeAllConnections();
        await done;
        await store.flush();
        if (opts.announce) await fs.promises.rm(opts.announce, { force: true });
      })()),
  };
}

async function writeAnnouncement(file: string, a: Announcement): Promise<void> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await fs.promises.writeFile(temp, `${JSON.stringify(a)}\n`);
  await fs.promises.rename(temp, file);
}

function lower(h: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
}

function send(res: http.ServerResponse, r: DialectResponse): void {
  if (r.body === undefined || r.status === 204 || r.status === 304) {
    res.writeHead(r.status, { ...r.headers, 'content-length': '0' });
    res.end();
    return;
  }
  sendBytes(res, r.status, 'application/json', bodyBytes(r.body), r.headers);
}

function sendText(res: http.ServerResponse, status: number, type: string, text: string, headers: Record<string, string> = {}): void {
  // Encoded once: measuring a string's UTF-8 length and then writing it would encode it twice.
  sendBytes(res, status, type, Buffer.from(text, 'utf8'), headers);
}

function sendBytes(res: http.ServerResponse, status: number, type: string, payload: Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, ...headers, 'content-length': String(payload.length) });
  res.end(payload);
}

/** A body's JSON bytes; a dialect that answers something JSON cannot hold is a bug (answered 500). */
function bodyBytes(body: unknown): Buffer {
  const payload = jsonBytes(body);
  if (!payload) throw new Error('the answer body has no JSON form');
  return payload;
}

/** Announces the whole body, sends half of it, and drops the connection. */
function sendTruncated(res: http.ServerResponse, r: DialectResponse): void {
  // An empty answer (204) has nothing to cut: announce a body that never comes.
  const payload = bodyBytes(r.body === undefined ? { truncated: true } : r.body);
  const status = r.body === undefined ? 200 : r.status;
  res.writeHead(status, { 'content-type': 'application/json', ...r.headers, 'content-length': String(payload.length) });
  res.write(payload.subarray(0, Math.floor(payload.length / 2)), () => res.socket?.destroy());
}

/** Regenerates the state file from the seed (`orderctl sandbox reset`): same seed, same bytes. */
export async function resetSandboxState(statePath: string, seed: number, orders: number): Promise<void> {
  await writeStateFile(statePath, seedState(seed, orders));
}

export interface SandboxDescription {
  file: string;
  exists: boolean;
  seed?: number;
  version?: number;
  /** Per platform counts, e.g. { bigcommerce: { orders: 60, archived: 0, shipments: 21 } }. */
  platforms: Record<string, Record<string, number>>;
}

/** What a state file holds (`orderctl sandbox info`). A corrupt file throws, naming it. */
export async function describeSandbox(statePath: string): Promise<SandboxDescription> {
  const state = await readStateFile(statePath);
  if (!state) return { file: statePath, exists: false, platforms: {} };
  const platforms: Record<string, Record<string, number>> = {};
  for (const [name, section] of Object.entries(state.platforms)) {
    const d = DIALECTS.find((x) => x.platform === name);
    platforms[name] = d ? d.summarize(section) : {};
  }
  return { file: statePath, exists: true, seed: state.seed, version: state.version, platforms };
}
