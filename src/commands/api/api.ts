// `orderctl api [-X METHOD] PATH`: the store's own API with the profile's
// credentials, through the one HTTP client (auth, rate limits, retries,
// redaction, --dry-run, exit codes). A failed answer's body is printed on
// stdout, and the exit code is the failure's.

import type { Context } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import { answerOf, type Method, type RequestSpec } from '../../core/http.js';
import { openSession } from '../../platforms/index.js';
import { listWriter } from '../../output/writer.js';
import { readJsonFile } from '../orders/shared.js';
import { buildBody, queryPairs, splitField, typedValue, type FieldInput } from './fields.js';
import { paginate } from './paginate.js';

const METHODS: readonly Method[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

export interface ApiOptions {
  path: string;
  method?: Method;
  rawFields: string[];
  typedFields: string[];
  input?: string;
  headers: Record<string, string>;
  paginate: boolean;
  include: boolean;
}

export function parseOptions(path: string, flags: Record<string, unknown>): ApiOptions {
  const method = flags.method === undefined ? undefined : String(flags.method).toUpperCase();
  if (method !== undefined && !METHODS.includes(method as Method)) throw new UsageError(`unknown method "${String(flags.method)}": use ${METHODS.join(', ')}`);
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//')) {
    throw new UsageError(`"${path}" is a URL: give a path under the profile's API root, e.g. /orders`, { hint: 'the credentials go only to the profile\'s own API' });
  }
  const headers: Record<string, string> = {};
  for (const h of (flags.header as string[]) ?? []) {
    const m = /^([A-Za-z0-9!#$%&'*+.^_`|~-]+):\s*(.*)$/.exec(h);
    if (!m) throw new UsageError(`invalid -H "${h}": use 'Name: value'`);
    headers[m[1]!.toLowerCase()] = m[2]!;
  }
  const o: ApiOptions = {
    path: path.startsWith('/') ? path : `/${path}`,
    method: method as Method | undefined,
    rawFields: (flags.rawField as string[]) ?? [],
    typedFields: (flags.field as string[]) ?? [],
    input: flags.input as string | undefined,
    headers,
    paginate: Boolean(flags.paginate),
    include: Boolean(flags.include),
  };
  return o;
}

async function readFields(ctx: Context, o: ApiOptions): Promise<FieldInput[]> {
  const fields: FieldInput[] = o.rawFields.map((f) => splitField(f, '-f'));
  for (const f of o.typedFields) {
    const { key, value } = splitField(f, '-F');
    if (!value.startsWith('@')) {
      fields.push({ key, value: typedValue(value) });
      continue;
    }
    const file = value.slice(1);
    try {
      fields.push({ key, value: file === '-' ? await ctx.io.readStdin() : await ctx.readFile(file) });
    } catch (err) {
      throw new UsageError(`cannot read ${file} for -F ${key}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  }
  return fields;
}

/** The request: fields make the body, or the query when it is a GET or --input gives the body. */
export async function buildRequest(ctx: Context, o: ApiOptions): Promise<RequestSpec> {
  const fields = await readFields(ctx, o);
  const inputBody = o.input === undefined ? undefined : await readJsonFile(ctx, o.input);
  const method: Method = o.method ?? (fields.length || o.input !== undefined ? 'POST' : 'GET');
  const [pathOnly, search = ''] = o.path.split(/\?(.*)/s, 2) as [string, string?];
  const params = new URLSearchParams(search);
  let body: unknown = inputBody;
  if (method === 'GET' || o.input !== undefined) for (const [k, v] of queryPairs(fields)) params.append(k, v);
  else if (fields.length) body = buildBody(fields);
  if (method === 'GET' && body !== undefined) throw new UsageError('a GET has no body: --input needs -X POST, PUT or PATCH');
  const query: Record<string, string> = {};
  const repeated = [...params.keys()].some((k, i, all) => all.indexOf(k) !== i);
  // Single values go as the query record, so paging can set page and cursor; repeated keys stay in the path.
  if (repeated) return { method, path: `${pathOnly}?${params.toString()}`, body, headers: o.headers };
  for (const [k, v] of params) query[k] = v;
  return { method, path: pathOnly, query, body, headers: o.headers };
}

export async function run(ctx: Context, o: ApiOptions): Promise<void> {
  if (o.include && ctx.globals.jq !== undefined) throw new UsageError('-i and --jq cannot be used together: --jq reads JSON only');
  const format = ctx.globals.output ?? 'json';
  if (format !== 'json' && format !== 'ndjson') throw new UsageError(`orderctl api prints JSON: use -o json or -o ndjson, not -o ${format}`);
  const spec = await buildRequest(ctx, o);
  if (o.paginate && spec.method !== 'GET') throw new UsageError('--paginate follows the pages of a GET');
  const { adapter, client } = await openSession(ctx);
  const out = ctx.io.stdout;
  const printHead = (status: number, headers: Record<string, string>) => {
    if (!o.include) return;
    out.write(`HTTP ${status}\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\n`).join('')}\n`);
  };
  const printBody = (body: unknown) => {
    if (body !== undefined) out.write(format === 'ndjson' ? `${JSON.stringify(body)}\n` : `${JSON.stringify(body, null, 2)}\n`);
  };
  try {
    if (!o.paginate) {
      const res = await client.request(spec);
      printHead(res.status, res.headers);
      printBody(res.body);
      return;
    }
    const w = listWriter<unknown>(ctx, { columns: [], json: (r) => r, id: () => '' });
    for await (const page of paginate(client, adapter.platform, spec, printHead)) {
      if ('whole' in page) {
        printBody(page.whole);
        return;
      }
      for (const item of page.items) w.write(item);
    }
    w.end();
  } catch (err) {
    const answer = answerOf(err);
    if (answer) {
      printHead(answer.status, answer.headers);
      // The server's own words, as it sent them (JSON pretty-printed, like a success).
      let parsed: unknown;
      try {
        parsed = JSON.parse(answer.text);
      } catch {
        parsed = undefined;
      }
      if (parsed !== undefined) printBody(parsed);
      else if (parsed === undefined && answer.text.trim() !== '' && ctx.globals.jq === undefined) out.write(answer.text.endsWith('\n') ? answer.text : `${answer.text}\n`);
    }
    throw err;
  }
}
