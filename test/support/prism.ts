// Stoplight Prism serving an official API file from ../shared/specs, with request
// validation and --errors: a request the file refuses is answered 4xx and logged.
// The files are read where they are (the Squarespace one patched in a temp copy,
// as SOURCES.md describes); nothing from ../shared is copied into this repo.

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { orderctl, type CliResult } from './cli.js';
import { tempConfigDir } from './tmp.js';

export function specsDir(): string {
  const shared = process.env.ORDERCTL_SHARED_DIR;
  return shared ? path.resolve(shared, 'specs') : fileURLToPath(new URL('../../../shared/specs', import.meta.url));
}

/** The file's path, or why the tests that need it are skipped. */
export function specFile(name: string): { file: string } | { skipReason: string } {
  const file = path.join(specsDir(), name);
  return fs.existsSync(file) ? { file } : { skipReason: `${file} not found: the Prism contract tests against ${name} are skipped` };
}

/**
 * The Squarespace extract as SOURCES.md says to serve it: MonetaryAmount's
 * currency a string and its value a string or a number, nothing else changed.
 */
export function patchedSquarespaceSpec(file: string, dir: string): string {
  const spec = JSON.parse(fs.readFileSync(file, 'utf8'));
  const money = spec.components.schemas.MonetaryAmount;
  // The types only: descriptions and examples ("USD", 49.99) stay as the file has them.
  const { properties: _codeObject, ...currency } = money.properties.currency;
  money.properties.currency = { ...currency, type: 'string' };
  money.properties.value = { ...money.properties.value, type: ['string', 'number'] };
  const out = path.join(dir, 'squarespace-commerce-orders.patched.json');
  fs.writeFileSync(out, JSON.stringify(spec));
  return out;
}

/**
 * The BigCommerce file as its own words describe it: GET /orders' `sort` says "add `:asc` or
 * `:desc` to the end … e.g. `sort=date_created:desc`", while its enum lists the bare fields only
 * [C]. Served as it is, Prism refuses the documented example. Only that enum gains the two
 * suffixed forms of each field; nothing else changes, unless `shipped` (below).
 */
export function patchedBigCommerceSpec(file: string, dir: string, opts: { shipped?: boolean } = {}): string {
  const spec = parseYaml(fs.readFileSync(file, 'utf8'));
  const sort = Object.values(spec.components.parameters as Record<string, { name: string; in: string; schema?: { enum?: string[] } }>).find(
    (p) => p.name === 'sort' && p.in === 'query' && p.schema?.enum?.includes('date_created'),
  );
  if (!sort) throw new Error('the BigCommerce file has no sort parameter with date_created: the patch no longer applies');
  const fields = sort.schema!.enum!;
  sort.schema!.enum = [...fields, ...fields.flatMap((f) => [`${f}:asc`, `${f}:desc`])];
  if (opts.shipped) markExampleOrderShipped(spec);
  const out = path.join(dir, 'bigcommerce-orders-v2.patched.json');
  fs.writeFileSync(out, JSON.stringify(spec));
  return out;
}

/**
 * Not a fault of the file, a gap in its examples: no example order has shipped anything
 * (items_shipped is 0 in every one), so `orders get`, which reads the shipments endpoint only
 * for an order that has, would never send that request to Prism. With `shipped`, the example
 * GET /orders/{order_id} answers with (Prism serves the first of responses.order_Resp's) says
 * one item of it shipped; the value is one the schema allows, and nothing else changes.
 */
function markExampleOrderShipped(spec: { components: { responses: Record<string, { content: Record<string, { examples: Record<string, { value: Record<string, unknown> }> }> }> } }): void {
  const first = Object.values(spec.components.responses.order_Resp?.content['application/json']?.examples ?? {})[0];
  if (first?.value.items_shipped !== 0) throw new Error('the BigCommerce file\'s first order_Resp example no longer has items_shipped 0: the patch no longer applies');
  first.value.items_shipped = 1;
}

export interface Prism {
  url: string;
  /** Prism's log lines for requests it refused (validation errors). */
  refused(): string[];
  log(): string;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((r) => server.close(r));
  return port;
}

export async function startPrism(file: string): Promise<Prism> {
  const require = createRequire(import.meta.url);
  const bin = path.join(path.dirname(require.resolve('@stoplight/prism-cli/package.json')), 'dist', 'index.js');
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [bin, 'mock', '--errors', '-h', '127.0.0.1', '-p', String(port), file], { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH, HOME: os.tmpdir() } });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Prism did not start in 90 s:\n${log}`)), 90_000);
    const check = () => {
      if (/Prism is listening/.test(log)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Prism exited ${code}:\n${log}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    refused: () => log.split('\n').filter((l) => /\[VALIDATOR\].*(✖|error)|Request terminated with error/.test(l)),
    log: () => log,
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.on('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A request the binary sent, as --debug traces it: method, path (with the base URL's), query, JSON body. */
export interface SentRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

/** The requests in a --debug trace, in the order they were sent. */
export function sentRequests(stderr: string): SentRequest[] {
  const out: SentRequest[] = [];
  for (const line of stderr.split('\n')) {
    const start = /^\[debug\] > ([A-Z]+) (https?:\/\/\S+)$/.exec(line);
    if (start) {
      const url = new URL(start[2]!);
      out.push({ method: start[1]!, path: url.pathname, query: url.searchParams, body: undefined });
      continue;
    }
    // The body follows the request's header lines, indented like them but not "name: value".
    const body = /^\[debug\] > {3}([[{].*)$/.exec(line);
    const last = out[out.length - 1];
    if (body && last && last.body === undefined) last.body = JSON.parse(body[1]!);
  }
  return out;
}

export interface PrismSuite {
  /** The binary on the suite's profile: `orderctl -p prism ARGS`. */
  run(args: string[], input?: string): Promise<CliResult>;
  /** As run, expecting exit 0 and no sign of a mapping failure on stderr. */
  ok(args: string[], input?: string): Promise<CliResult>;
  /** As ok, with --debug: the result and the requests it sent (each then checked by Prism). */
  sent(args: string[], input?: string): Promise<{ result: CliResult; requests: SentRequest[] }>;
  /** The suite's temp config dir, for the files a test writes. */
  dir(): string;
}

export interface PrismSuiteOptions {
  /** The file's name in ../shared/specs. */
  spec: string;
  /** The copy Prism serves (written in `dir`): the file as SOURCES.md or a recorded [C] says to serve it. */
  serve(file: string, dir: string): string;
  /** `profile add prism` arguments after the name, given Prism's root URL. */
  profile(url: string): string[];
}

/**
 * One describe block against Prism serving an official file: a temp config
 * with a `prism` profile, Prism started once, and after every test of the
 * block the check that Prism refused no request at all. Skipped, saying
 * why, when ../shared/specs is not there.
 */
export function describePrism(title: string, o: PrismSuiteOptions, fn: (suite: PrismSuite) => void): void {
  const spec = specFile(o.spec);
  const skipReason = 'skipReason' in spec ? spec.skipReason : undefined;
  if (skipReason) console.warn(skipReason);
  // Each test spawns the binary several times: give it room on a loaded machine.
  describe.skipIf(skipReason !== undefined)(`${title}${skipReason ? ` (${skipReason})` : ''}`, { timeout: 120_000 }, () => {
    let prism: Prism | undefined;
    let cfg: ReturnType<typeof tempConfigDir> | undefined;
    const run = (args: string[], input?: string) => orderctl(['-p', 'prism', ...args], { env: { ORDERCTL_CONFIG_DIR: cfg!.dir }, input, timeoutMs: 30_000 });
    const ok = async (args: string[], input?: string) => {
      const r = await run(args, input);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      const said = r.stderr.split('\n').filter((l) => !l.startsWith('[debug]'));
      expect(said.join('\n')).not.toMatch(/unexpected|looks like a bug/i);
      return r;
    };
    const sent = async (args: string[], input?: string) => {
      const result = await ok(['--debug', ...args], input);
      return { result, requests: sentRequests(result.stderr) };
    };

    beforeAll(async () => {
      cfg = tempConfigDir();
      prism = await startPrism(o.serve((spec as { file: string }).file, cfg.dir));
      const add = await orderctl(['profile', 'add', 'prism', ...o.profile(prism.url), '--token-stdin'], { env: { ORDERCTL_CONFIG_DIR: cfg.dir }, input: 'token\n' });
      expect(add.code, add.stderr).toBe(0);
    }, 120_000);
    afterAll(async () => {
      // Zero refused requests over the whole file.
      const refused = prism?.refused() ?? [];
      await prism?.close();
      cfg?.remove();
      expect(refused).toEqual([]);
    });

    fn({ run, ok, sent, dir: () => cfg!.dir });
  });
}
