// Validates BigCommerce traffic against the official OpenAPI file, read from
// ../shared/specs (never copied into this repo). Contract tests feed it every
// request the adapter sent and every response the sandbox gave.

import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse as parseYaml } from 'yaml';

export interface HttpExchange {
  method: string;
  path: string; // relative to the API root, e.g. /orders/7/shipments
  query: Record<string, string>;
  requestBody?: unknown;
  status: number;
  contentType?: string;
  responseBody?: unknown;
}

export interface OpenApiValidator {
  validateRequest(ex: HttpExchange): string[];
  validateResponse(ex: HttpExchange): string[];
  validate(ex: HttpExchange): string[];
}

type Json = Record<string, unknown>;

const SPEC_FILE = 'bigcommerce-orders-v2.yml';
// Any v2 endpoint may answer these (status-codes.mdx), documented per operation or not.
const GENERIC_STATUSES = new Set([401, 403, 429, 500, 502, 503, 504]);

export function specPath(): string {
  const shared = process.env.ORDERCTL_SHARED_DIR ?? path.resolve(fileURLToPath(new URL('../../../shared', import.meta.url)));
  return path.join(shared, 'specs', SPEC_FILE);
}

export function loadBigCommerceSpec(): { validator: OpenApiValidator } | { skipReason: string } {
  const file = specPath();
  if (!fs.existsSync(file)) {
    return { skipReason: `../shared/specs/${SPEC_FILE} not found (${file}): contract checks against the official OpenAPI file skipped` };
  }
  return { validator: createValidator(parseYaml(fs.readFileSync(file, 'utf8')) as Json) };
}

interface Operation {
  template: string;
  segments: string[];
  method: string;
  params: Json[];
  requestSchema?: Json;
  responses: Record<string, Json>;
}

export function createValidator(spec: Json): OpenApiValidator {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  const cache = new Map<string, ValidateFunction>();

  const resolve = (node: unknown): Json => {
    let n = node as Json;
    for (let i = 0; i < 10 && n && typeof n.$ref === 'string'; i++) {
      const parts = (n.$ref as string).replace(/^#\//, '').split('/');
      n = parts.reduce<unknown>((acc, k) => (acc as Json)[k], spec) as Json;
    }
    return n;
  };

  // Inline every $ref and turn OpenAPI 3.0 keywords into JSON Schema: nullable,
  // and readOnly/writeOnly properties that must not be required on one side.
  const toJsonSchema = (schema: unknown, side: 'request' | 'response', seen = new Set<string>()): unknown => {
    if (Array.isArray(schema)) return schema.map((s) => toJsonSchema(s, side, seen));
    if (!schema || typeof schema !== 'object') return schema;
    let s = schema as Json;
    if (typeof s.$ref === 'string') {
      if (seen.has(s.$ref)) return {}; // recursive schema: accept deeper levels
      const ref = s.$ref;
      s = resolve(s);
      return toJsonSchema(s, side, new Set([...seen, ref]));
    }
    const out: Json = {};
    for (const [k, v] of Object.entries(s)) {
      if (k === 'example' || k === 'examples' || k.startsWith('x-') || k === 'nullable' || k === 'discriminator') continue;
      if (k === 'properties') {
        const props: Json = {};
        for (const [pk, pv] of Object.entries(v as Json)) props[pk] = toJsonSchema(pv, side, seen);
        out.properties = props;
      } else out[k] = toJsonSchema(v, side, seen);
    }
    if (Array.isArray(out.required) && out.properties) {
      const skip = side === 'request' ? 'readOnly' : 'writeOnly';
      out.required = (out.required as string[]).filter((r) => !((out.properties as Json)[r] as Json | undefined)?.[skip]);
    }
    if (s.nullable === true) return { anyOf: [out, { type: 'null' }] };
    return out;
  };

  const compile = (key: string, schema: unknown, side: 'request' | 'response'): ValidateFunction => {
    let v = cache.get(key);
    if (!v) {
      v = ajv.compile(toJsonSchema(schema, side) as object);
      cache.set(key, v);
    }
    return v;
  };

  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(spec.paths as Json)) {
    const shared = ((item as Json).parameters as Json[] | undefined) ?? [];
    for (const [method, op] of Object.entries(item as Json)) {
      if (method === 'parameters') continue;
      const o = op as Json;
      const body = resolve(o.requestBody) as Json | undefined;
      operations.push({
        template,
        segments: template.split('/').filter(Boolean),
        method: method.toUpperCase(),
        params: [...shared, ...((o.parameters as Json[] | undefined) ?? [])].map(resolve),
        requestSchema: ((body?.content as Json | undefined)?.['application/json'] as Json | undefined)?.schema as Json | undefined,
        responses: Object.fromEntries(Object.entries((o.responses ?? {}) as Json).map(([code, r]) => [code, resolve(r)])),
      });
    }
  }

  const find = (method: string, p: string): { op?: Operation; pathParams: Record<string, string>; error?: string } => {
    const segs = p.split('/').filter(Boolean);
    const candidates = operations
      .filter((o) => o.segments.length === segs.length && o.segments.every((s, i) => s.startsWith('{') || s === segs[i]))
      // A literal segment beats a parameter: /orders/count is not /orders/{order_id}.
      .sort((a, b) => b.segments.filter((s) => !s.startsWith('{')).length - a.segments.filter((s) => !s.startsWith('{')).length);
    if (!candidates.length) return { pathParams: {}, error: `${method} ${p}: no such path in the spec` };
    const best = candidates.filter((c) => c.template === candidates[0]!.template);
    const op = best.find((c) => c.method === method);
    if (!op) return { pathParams: {}, error: `${method} ${p}: method not documented for ${best[0]!.template}` };
    const pathParams: Record<string, string> = {};
    op.segments.forEach((s, i) => {
      if (s.startsWith('{')) pathParams[s.slice(1, -1)] = decodeURIComponent(segs[i]!);
    });
    return { op, pathParams };
  };

  const coerce = (value: string, schema: Json): unknown => {
    const type = schema.type;
    if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
    if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
    return value;
  };

  const errorsOf = (v: ValidateFunction, where: string): string[] =>
    (v.errors ?? []).map((e) => `${where}: ${e.instancePath || '/'} ${e.message}${e.params && 'allowedValues' in e.params ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : ''}`);

  function validateRequest(ex: HttpExchange): string[] {
    const what = `${ex.method} ${ex.path}`;
    const { op, pathParams, error } = find(ex.method, ex.path);
    if (!op) return [error!];
    const problems: string[] = [];
    const known = new Set(op.params.filter((p) => p.in === 'query').map((p) => p.name as string));
    for (const name of Object.keys(ex.query)) if (!known.has(name)) problems.push(`${what} request: unknown query parameter "${name}"`);
    for (const param of op.params) {
      const where = param.in as string;
      if (where !== 'query' && where !== 'path') continue; // headers are the client's unit tests' business
      const name = param.name as string;
      const raw = where === 'path' ? pathParams[name] : ex.query[name];
      if (raw === undefined) {
        if (param.required) problems.push(`${what} request: missing required ${where} parameter "${name}"`);
        continue;
      }
      const schema = resolve(param.schema) as Json;
      let value = raw;
      // The sort enum lists fields; its description says ":asc" or ":desc" may follow.
      if (name === 'sort') value = raw.replace(/:(asc|desc)$/, '');
      const v = compile(`param:${op.template}:${name}`, schema, 'request');
      if (!v(coerce(value, schema))) problems.push(...errorsOf(v, `${what} request ${where} parameter "${name}"=${JSON.stringify(raw)}`));
    }
    if (ex.requestBody !== undefined) {
      if (!op.requestSchema) problems.push(`${what} request: a body was sent but none is documented`);
      else {
        const v = compile(`req:${op.method}:${op.template}`, op.requestSchema, 'request');
        if (!v(ex.requestBody)) problems.push(...errorsOf(v, `${what} request body`));
      }
    }
    return problems;
  }

  function validateResponse(ex: HttpExchange): string[] {
    const what = `${ex.method} ${ex.path}`;
    const { op, error } = find(ex.method, ex.path);
    if (!op) return [error!];
    const documented = op.responses[String(ex.status)] ?? op.responses.default;
    const emptyListPage = ex.status === 204 && ex.method === 'GET' && op.template === '/orders'; // API-NOTES.md "Decisions"
    if (!documented && !GENERIC_STATUSES.has(ex.status) && !emptyListPage) {
      return [`${what} response: status ${ex.status} is not documented (documented: ${Object.keys(op.responses).join(', ')})`];
    }
    if (ex.status === 204) return ex.responseBody === undefined ? [] : [`${what} response: 204 must have no body`];
    const schema = ((documented?.content as Json | undefined)?.['application/json'] as Json | undefined)?.schema;
    if (!documented || !schema || ex.status >= 400) return [];
    const v = compile(`res:${op.method}:${op.template}:${ex.status}`, schema, 'response');
    return v(ex.responseBody) ? [] : errorsOf(v, `${what} response ${ex.status} body`);
  }

  return {
    validateRequest,
    validateResponse,
    validate: (ex) => [...validateRequest(ex), ...validateResponse(ex)],
  };
}
