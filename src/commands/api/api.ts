// `orderctl api [-X METHOD] PATH`: the store's own API with the profile's
// credentials, through the one HTTP client (auth, rate limits, retries,
// redaction, --dry-run, exit codes). A failed answer's body is printed on
// stdout, and the exit code is the failure's.

import type { Context } from '../../core/context.js';
import { ApiError, UsageError } from '../../core/errors.js';
import { answerOf, type Method, type RequestSpec } from '../../core/http.js';
import { openSession } from '../../platforms/index.js';
import { pickFields } from '../../output/fields.js';
import { listWriter, type ListWriter } from '../../output/writer.js';
import { buildBody, jsonText, queryPairs, splitField, typedValue, type FieldInput } from './fields.js';
import { paginate } from './paginate.js';
import { underRoot } from './path.js';
import { readJsonText } from '../orders/shared.js';

const METHODS: readonly Method[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

export interface ApiOptions {
  path: string;
  method?: Method;
  rawFields: string[];
  typedFields: string[];
  input?: string;
  headers: Record<string, string>;
  paginate: boolean;
  include: boolean;
  silent: boolean;
}

export function parseOptions(path: string, flags: Record<string, unknown>): ApiOptions {
  const method = flags.method === undefined ? undefined : String(flags.method).toUpperCase();
  if (method !== undefined && !METHODS.includes(method as Method)) throw new UsageError(`unknown method "${String(flags.method)}": use ${METHODS.join(', ')}`);
  const headers: Record<string, string> = {};
  for (const h of (flags.header as string[]) ?? []) {
    const m = /^([A-Za-z0-9!#$%&'*+.^_`|~-]+):\s*(.*)$/.exec(h);
    if (!m) throw new UsageError(`invalid -H "${h}": use 'Name: value'`);
    headers[m[1]!.toLowerCase()] = m[2]!;
  }
  const o: ApiOptions = {
    // Checked against the profile's API root once the profile is known (underRoot).
    path,
    method: method as Method | undefined,
    rawFields: (flags.rawField as string[]) ?? [],
    typedFields: (flags.field as string[]) ?? [],
    input: flags.input as string | undefined,
    headers,
    paginate: Boolean(flags.paginate),
    include: Boolean(flags.include),
    silent: Boolean(flags.silent),
  };
  return o;
}

async function readFields(ctx: Context, o: ApiOptions): Promise<FieldInput[]> {
  const fields: FieldInput[] = o.rawFields.map((f) => splitField(f, '-f'));
  // Standard input can be read once: by one -F KEY=@- or by --input -.
  let stdinFor = o.input === '-' ? '--input -' : undefined;
  for (const f of o.typedFields) {
    const { key, value } = splitField(f, '-F');
    if (typeof value !== 'string' || !value.startsWith('@')) {
      fields.push({ key, value: typeof value === 'string' ? typedValue(value) : value });
      continue;
    }
    const file = value.slice(1);
    if (file === '-') {
      if (stdinFor) throw new UsageError(`-F ${key}=@- and ${stdinFor} both read standard input: give one of them a file`);
      stdinFor = `-F ${key}=@-`;
    }
    try {
      fields.push({ key, value: file === '-' ? await ctx.io.readStdin() : await ctx.readFile(file) });
    } catch (err) {
      throw new UsageError(`cannot read ${file} for -F ${key}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  }
  return fields;
}

/** The request: fields make the body, or the query when it is a GET or HEAD or --input gives the body. */
export async function buildRequest(ctx: Context, o: ApiOptions): Promise<RequestSpec> {
  const fields = await readFields(ctx, o);
  const input = o.input === undefined ? undefined : await readJsonText(ctx, o.input);
  const method: Method = o.method ?? (fields.length || input ? 'POST' : 'GET');
  const [pathOnly, search = ''] = o.path.split(/\?(.*)/s, 2) as [string, string?];
  const params = new URLSearchParams(search);
  let body: unknown = input?.body;
  let bodyText = input?.text;
  const read = method === 'GET' || method === 'HEAD';
  if (read || input) for (const [k, v] of queryPairs(fields)) params.append(k, v);
  else if (fields.length) {
    body = buildBody(fields);
    bodyText = jsonText(body);
  }
  if (read && body !== undefined) throw new UsageError(`a ${method} has no body: --input needs -X POST, PUT or PATCH`);
  const query: Record<string, string> = {};
  const repeated = [...params.keys()].some((k, i, all) => all.indexOf(k) !== i);
  // Single values go as the query record, so paging can set page and cursor; repeated keys stay in the path.
  if (repeated) return { method, path: `${pathOnly}?${params.toString()}`, body, bodyText, headers: o.headers, anyBody: true };
  for (const [k, v] of params) query[k] = v;
  return { method, path: pathOnly, query, body, bodyText, headers: o.headers, anyBody: true };
}

export async function run(ctx: Context, o: ApiOptions): Promise<void> {
  if (o.include && ctx.globals.jq !== undefined) throw new UsageError('-i and --jq cannot be used together: --jq reads JSON only');
  const format = ctx.globals.output ?? 'json';
  if (format !== 'json' && format !== 'ndjson') throw new UsageError(`orderctl api prints JSON: use -o json or -o ndjson, not -o ${format}`);
  const spec = await buildRequest(ctx, o);
  if (o.paginate && spec.method !== 'GET') {
    // -f/-F make a POST unless -X says otherwise, as in gh api: the usual slip with --paginate.
    const implied = o.method === undefined && spec.method === 'POST';
    throw new UsageError('--paginate follows the pages of a GET', implied ? { hint: '-f, -F and --input make the request a POST; add -X GET to send the fields as query parameters' } : {});
  }
  const { adapter, client } = await openSession(ctx);
  spec.path = underRoot(spec.path, client.platform.baseUrl);
  const out = ctx.io.stdout;
  const printHead = (status: number, headers: Record<string, string>) => {
    if (!o.include) return;
    out.write(`HTTP ${status}\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\n`).join('')}\n`);
  };
  const printBody = (body: unknown) => {
    if (body !== undefined && !o.silent) out.write(format === 'ndjson' ? `${JSON.stringify(body)}\n` : `${JSON.stringify(body, null, 2)}\n`);
  };
  // --fields picks from each item of a list, as the paged listing does (not from an error's body).
  const fields = ctx.globals.fields;
  const picked = (body: unknown) => (!fields || body === undefined ? body : Array.isArray(body) ? body.map((b) => pickFields(b, fields)) : pickFields(body, fields));
  const printText = (text: string) => {
    if (!o.silent && text !== '') out.write(text.endsWith('\n') ? text : `${text}\n`);
  };
  let w: ListWriter<unknown> | undefined;
  try {
    if (!o.paginate) {
      const res = await client.request(spec);
      if (res.text !== undefined && ctx.globals.jq !== undefined) {
        throw new ApiError(`${client.platform.name} answered ${spec.method} ${client.urlFor(spec).pathname} with ${res.status} and ${res.headers['content-type'] ?? 'no content type'}, not JSON: --jq reads JSON only`, { status: res.status });
      }
      printHead(res.status, res.headers);
      if (res.text !== undefined) printText(res.text);
      else printBody(picked(res.body));
      return;
    }
    // Pages are JSON lists: a text answer is an error here, as for any command.
    spec.anyBody = false;
    // With -i each page's items follow its own status and headers, as their own array (as gh prints pages).
    const perPage = o.include && format === 'json';
    w = o.silent || perPage ? undefined : listWriter<unknown>(ctx, { columns: [], json: (r) => r, id: () => '' });
    for await (const page of paginate(client, adapter.platform, spec, printHead)) {
      if ('whole' in page) {
        printBody(picked(page.whole));
        return;
      }
      if (perPage) printBody(picked(page.items));
      else for (const item of page.items) w?.write(item);
    }
    w?.end();
    w = undefined;
  } catch (err) {
    // Pages already printed stay a whole JSON array, before the failed answer's body.
    if (w && w.count > 0) w.end();
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
      else if (answer.text.trim() !== '' && ctx.globals.jq === undefined) printText(answer.text);
    }
    throw err;
  }
}
