// Fault injection: what real APIs and the networks in front of them do on a
// bad day. Seeded, so a drill with --fail-rate replays the same faults in the
// same order; tests queue exact faults with injectFaults().

import { createRng, deriveSeed, type Rng } from './rng.js';

export const FAULT_KINDS = [
  'latency', // a spike: the answer comes spikeMs late
  '500',
  '502',
  '503',
  '504',
  '429', // with Retry-After: 1
  '429-no-retry-after',
  'reset-before', // socket destroyed, request never processed
  'reset-after', // request processed (mutation applied), socket destroyed without an answer
  'truncated', // processed; full Content-Length announced, half the body sent, socket destroyed
  'html', // 502 with an HTML page, as a proxy or load balancer sends
  'bad-shape', // processed; 200 with JSON that is not the documented shape
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

/** How the server carries a fault out. */
export type FaultStage =
  | 'delay' // wait, then serve normally
  | 'answer' // answer with the canned response, without processing
  | 'drop' // destroy the socket, without processing
  | 'after'; // process, then spoil the answer

export const FAULT_STAGE: Record<FaultKind, FaultStage> = {
  latency: 'delay',
  '500': 'answer',
  '502': 'answer',
  '503': 'answer',
  '504': 'answer',
  '429': 'answer',
  '429-no-retry-after': 'answer',
  html: 'answer',
  'reset-before': 'drop',
  'reset-after': 'after',
  truncated: 'after',
  'bad-shape': 'after',
};

export function isFaultKind(s: string): s is FaultKind {
  return (FAULT_KINDS as readonly string[]).includes(s);
}

export interface CannedFault {
  status: number;
  message: string;
  headers: Record<string, string>;
  /** Set for 'html': the body is this page, not the platform's JSON error. */
  html?: string;
}

const MESSAGES: Record<number, string> = {
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The answer of an 'answer'-stage fault; the server wraps the message in the platform's error shape. */
export function cannedFault(kind: FaultKind): CannedFault {
  switch (kind) {
    case '429':
      return { status: 429, message: MESSAGES[429]!, headers: { 'retry-after': '1' } };
    case '429-no-retry-after':
      return { status: 429, message: MESSAGES[429]!, headers: {} };
    case 'html':
      return {
        status: 502,
        message: MESSAGES[502]!,
        headers: {},
        html: '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>sandbox-proxy</center></body></html>\n',
      };
    case '500':
    case '502':
    case '503':
    case '504': {
      const status = Number(kind);
      return { status, message: MESSAGES[status]!, headers: {} };
    }
    default:
      throw new Error(`fault "${kind}" has no canned answer`);
  }
}

/** The 200 body of 'bad-shape': valid JSON, wrong shape. */
export const BAD_SHAPE_BODY = { unexpected: true };

/** Which requests a queued fault waits for (absent: the next one, whatever it is). */
export interface FaultTarget {
  /** e.g. 'PUT'; a list matches any of them. */
  method?: string | readonly string[];
  /** Tested against the URL path (with the dialect prefix). */
  path?: RegExp;
  /** Let this many matching requests through first (the second page of a listing: 1). */
  skip?: number;
}

interface Queued {
  kind: FaultKind;
  target?: FaultTarget;
  skip: number;
}

export interface FaultOptions {
  seed: number;
  /** Probability (0..1) that a request meets a fault. */
  failRate?: number;
  /** Which kinds failRate draws from; default all. */
  kinds?: readonly FaultKind[];
}

export class FaultInjector {
  private readonly queue: Queued[] = [];
  private readonly rng: Rng;
  private readonly failRate: number;
  private readonly kinds: readonly FaultKind[];

  constructor(o: FaultOptions) {
    if (o.failRate !== undefined && !(o.failRate >= 0 && o.failRate <= 1)) throw new Error(`failRate must be from 0 to 1, not ${o.failRate}`);
    this.failRate = o.failRate ?? 0;
    this.kinds = checkKinds(o.kinds ?? FAULT_KINDS);
    if (this.failRate > 0 && this.kinds.length === 0) throw new Error('failRate needs at least one fault kind');
    // Its own stream: the data seed and the fault seed do not disturb each other.
    this.rng = createRng(deriveSeed(o.seed, 'faults'));
  }

  /**
   * Queues faults for the next requests, one per request, in order (before any
   * random draw). With a target, they wait for requests that match it, so a
   * drill can hit the one request of a command that changes something.
   */
  inject(kinds: readonly FaultKind[], target?: FaultTarget): void {
    this.queue.push(...checkKinds(kinds).map((kind, i) => ({ kind, target, skip: i === 0 ? (target?.skip ?? 0) : 0 })));
  }

  /** Drops every queued fault. */
  clear(): void {
    this.queue.length = 0;
  }

  /** The fault for the request that just arrived, if any. */
  next(req: { method: string; path: string } = { method: 'GET', path: '/' }): FaultKind | undefined {
    const i = this.queue.findIndex((q) => matches(q.target, req));
    const queued = this.queue[i];
    if (queued && queued.skip > 0) {
      queued.skip--;
      return undefined;
    }
    if (queued) return this.queue.splice(i, 1)[0]!.kind;
    if (this.failRate > 0 && this.rng.chance(this.failRate)) return this.rng.pick(this.kinds);
    return undefined;
  }

  get pending(): number {
    return this.queue.length;
  }
}

function matches(t: FaultTarget | undefined, req: { method: string; path: string }): boolean {
  if (!t) return true;
  const methods = t.method === undefined ? undefined : typeof t.method === 'string' ? [t.method] : t.method;
  if (methods && !methods.includes(req.method.toUpperCase())) return false;
  return !t.path || t.path.test(req.path);
}

function checkKinds(kinds: readonly string[]): FaultKind[] {
  const bad = kinds.filter((k) => !isFaultKind(k));
  if (bad.length) throw new Error(`unknown fault kind(s) ${bad.join(', ')}: use ${FAULT_KINDS.join(', ')}`);
  return [...kinds] as FaultKind[];
}
