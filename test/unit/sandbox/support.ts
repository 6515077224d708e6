// Shared by the sandbox tests: a sandbox on a fixed clock, and a tiny HTTP
// client over real sockets (undici) that returns status, headers and JSON.

import { Agent, request } from 'undici';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../../src/sandbox/server.js';

/** The sandbox's clock in tests: after the seed reference date (2026-11-01). */
export const NOW = Date.parse('2026-11-23T12:00:00Z');

export interface Answer<T = unknown> {
  status: number;
  headers: Record<string, string>;
  text: string;
  body: T;
}

export interface Api {
  <T = unknown>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer<T>>;
  close(): Promise<void>;
}

/** A client of one platform's base URL; its own connection pool, closed with close(). */
export function apiFor(baseUrl: string, token: string | undefined): Api {
  const dispatcher = new Agent({ keepAliveTimeout: 1000 });
  const call = async <T,>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> => {
    const res = await request(`${baseUrl}${path}`, {
      method: method as 'GET',
      dispatcher,
      headers: {
        accept: 'application/json',
        ...(token !== undefined ? { 'x-auth-token': token } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.body.text();
    const flat: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) flat[k] = Array.isArray(v) ? v.join(', ') : v;
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.statusCode, headers: flat, text, body: parsed as T };
  };
  return Object.assign(call, { close: () => dispatcher.close() }) as Api;
}

export interface Opened {
  sandbox: Sandbox;
  api: Api;
  close(): Promise<void>;
}

/** A memory-only sandbox (seed 7, 40 orders, fixed clock) and a BigCommerce client of it. */
export async function openSandbox(o: SandboxOptions = {}): Promise<Opened> {
  const sandbox = await startSandbox({ seed: 7, orders: 40, now: () => NOW, ...o });
  const api = apiFor(sandbox.baseUrls.bigcommerce!, sandbox.token);
  return {
    sandbox,
    api,
    close: async () => {
      await api.close();
      await sandbox.close();
    },
  };
}
