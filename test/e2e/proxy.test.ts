// HTTP(S)_PROXY and NO_PROXY are honoured: requests go through a real local proxy.
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { orderctl } from '../support/cli.js';
import { tempConfigDir } from '../support/tmp.js';

let sandbox: Sandbox;
let proxy: http.Server;
let proxyUrl: string;
const proxied: string[] = [];
let cfg: ReturnType<typeof tempConfigDir>;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 4, orders: 5 });
  // A plain forward proxy: requests arrive in absolute form and are passed on.
  proxy = http.createServer((req, res) => {
    proxied.push(`${req.method} ${req.url}`);
    const target = new URL(req.url!);
    const upstream = http.request(target, { method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode!, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  // And CONNECT tunnels, which undici's proxy agent uses.
  proxy.on('connect', (req, client, head) => {
    proxied.push(`CONNECT ${req.url}`);
    const [host, port] = req.url!.split(':');
    const upstream = net.connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  cfg = tempConfigDir();
  await orderctl(['profile', 'add', 'p', '--platform', 'bigcommerce', '--base-url', sandbox.baseUrls.bigcommerce!, '--token-stdin', '--use'], { env: { ORDERCTL_CONFIG_DIR: cfg.dir }, input: sandbox.token });
});
afterAll(async () => {
  await sandbox.close();
  proxy.closeAllConnections();
  await new Promise((r) => proxy.close(r));
  cfg.remove();
});

it('sends requests through HTTP_PROXY', async () => {
  proxied.length = 0;
  const r = await orderctl(['orders', 'list', '-o', 'ids'], { env: { ORDERCTL_CONFIG_DIR: cfg.dir, HTTP_PROXY: proxyUrl } });
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout.trim().split('\n')).toHaveLength(5);
  // One connection through the proxy to the sandbox (a tunnel, or a forwarded request).
  expect(proxied).toHaveLength(1);
  expect(proxied[0]).toMatch(new RegExp(`^(CONNECT ${sandbox.url.replace('http://', '')}|GET ${sandbox.url}/bigcommerce/stores/sandbox/v2/orders\\?)`));
});

it('bypasses the proxy for hosts in NO_PROXY', async () => {
  proxied.length = 0;
  const r = await orderctl(['orders', 'count', '-o', 'json'], { env: { ORDERCTL_CONFIG_DIR: cfg.dir, HTTP_PROXY: proxyUrl, NO_PROXY: '127.0.0.1' } });
  expect(r.code, r.stderr).toBe(0);
  expect(proxied).toEqual([]);
});
