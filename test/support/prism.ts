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
 * suffixed forms of each field; nothing else changes.
 */
export function patchedBigCommerceSpec(file: string, dir: string): string {
  const spec = parseYaml(fs.readFileSync(file, 'utf8'));
  const sort = Object.values(spec.components.parameters as Record<string, { name: string; in: string; schema?: { enum?: string[] } }>).find(
    (p) => p.name === 'sort' && p.in === 'query' && p.schema?.enum?.includes('date_created'),
  );
  if (!sort) throw new Error('the BigCommerce file has no sort parameter with date_created: the patch no longer applies');
  const fields = sort.schema!.enum!;
  sort.schema!.enum = [...fields, ...fields.flatMap((f) => [`${f}:asc`, `${f}:desc`])];
  const out = path.join(dir, 'bigcommerce-orders-v2.patched.json');
  fs.writeFileSync(out, JSON.stringify(spec));
  return out;
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
