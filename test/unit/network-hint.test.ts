// A connection failure says what it means and what to check: the base URL, or the proxy.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { fakeClock, seededRandom } from '../../src/core/clock.js';
import { NetworkError } from '../../src/core/errors.js';
import { DEFAULT_HTTP, HttpClient } from '../../src/core/http.js';
import { networkHint, proxyFor } from '../../src/core/network-hint.js';

/** A port on 127.0.0.1 that nothing listens on: one a server just gave back. */
async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  await new Promise((r) => server.close(r));
  return port;
}

describe('network failures', () => {
  it('a refused connection names the base URL to check', async () => {
    const port = await closedPort();
    const c = new HttpClient(
      { name: 'testshop', baseUrl: `http://127.0.0.1:${port}/api`, authHeaders: {}, secrets: [] },
      { ...DEFAULT_HTTP, maxAttempts: 1, timeoutMs: 2000, clock: fakeClock(), random: seededRandom(1), env: {} },
    );
    const err = await c.request({ method: 'GET', path: '/orders' }).catch((e: unknown) => e);
    await c.close();
    expect(err).toBeInstanceOf(NetworkError);
    expect((err as NetworkError).message).toBe(`GET 127.0.0.1:${port}/api/orders failed: ECONNREFUSED`);
    expect((err as NetworkError).hint).toBe(`nothing accepted the connection at 127.0.0.1:${port}: check the profile's base URL and port, and that the server is running`);
  });

  it('an unknown host points at a typo in the base URL', () => {
    expect(networkHint('ENOTFOUND', new URL('https://shop.exmaple.com/api'), {})).toBe('the host name shop.exmaple.com does not exist: check the profile\'s base URL for a typo');
    expect(networkHint('EAI_AGAIN', new URL('https://shop.example.com/api'), {})).toMatch(/DNS did not answer/);
  });

  it('through a proxy, points at the proxy and NO_PROXY, never at its credentials', () => {
    const env = { HTTPS_PROXY: 'http://user:pw-secret@proxy.corp:3128' };
    const hint = networkHint('ECONNREFUSED', new URL('https://api.bigcommerce.com/stores/x/v2'), env)!;
    expect(hint).toBe('requests go through the proxy proxy.corp:3128 (from HTTPS_PROXY), which could not be reached (ECONNREFUSED): check the proxy settings, or add api.bigcommerce.com to NO_PROXY');
    expect(hint).not.toContain('pw-secret');
  });

  it('chooses the proxy as undici does: HTTPS_PROXY, then HTTP_PROXY; NO_PROXY by host, suffix and port', () => {
    const url = new URL('https://api.shop.example/v2');
    expect(proxyFor(url, {})).toBeUndefined();
    expect(proxyFor(url, { HTTP_PROXY: 'http://p:8080' })).toBe('p:8080 (from HTTP_PROXY)');
    expect(proxyFor(url, { HTTP_PROXY: 'http://p:8080', HTTPS_PROXY: 'http://s:8443' })).toBe('s:8443 (from HTTPS_PROXY)');
    expect(proxyFor(new URL('http://api.shop.example/'), { HTTPS_PROXY: 'http://s:8443' })).toBeUndefined();
    for (const noProxy of ['*', 'shop.example', '.shop.example', '*.shop.example', 'api.shop.example:443', 'other, api.shop.example']) {
      expect(proxyFor(url, { HTTPS_PROXY: 'http://s:8443', NO_PROXY: noProxy }), noProxy).toBeUndefined();
    }
    for (const noProxy of ['api.shop.example:8443', 'hop.example', 'example.org']) {
      expect(proxyFor(url, { HTTPS_PROXY: 'http://s:8443', NO_PROXY: noProxy }), noProxy).toBe('s:8443 (from HTTPS_PROXY)');
    }
  });

  it('says nothing where it has nothing to add', () => {
    expect(networkHint(undefined, new URL('https://a.example/'), {})).toBeUndefined();
    expect(networkHint('EPROTO', new URL('https://a.example/'), {})).toBeUndefined();
  });
});
