// Checks HTTP traffic against an OpenAPI 3.0 document, and loads BigCommerce's
// official Orders V2 file from ../shared/specs (read at test time, never copied
// into this repo). Contract tests feed it every request the adapter sent and
// every response the sandbox gave, so a drift from the real API shows up there.

import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { parse as parseYaml } from 'yaml';

export interface HttpExchange {
  method: string;
  path: string; // relative to the API root, e.g. '/orders/7/shipments'
  query: Record<string, string>;
  /** The request's headers, names in lower case: required headers and the security scheme's are checked. */
  headers: Record<string, string>;
  requestBody?: unknown;
  status: number;
  contentType?: string;
  responseBody?: unknown;
}

export interface OpenApiValidator {
  validateRequest(ex: HttpExchange): string[];
  validateResponse(ex: HttpExchange): string[];
  validate(ex: HttpExchange): string[]; // both
}

export interface ValidatorOptions {
  /** Statuses any operation may answer, documented or not. */
  alwaysAllowed?: readonly number[];
  /** Extra statuses accepted per operation, keyed "GET /orders" (the path template). */
  extraStatuses?: Readonly<Record<string, readonly number[]>>;
  /** JSON Schemas a request body must also match, keyed "POST /orders": rules the spec states only in prose. */
  extraRequestRules?: Readonly<Record<string, object>>;
}

type Json = Record<string, unknown>;

const SPEC_NAME = 'bigcommerce-orders-v2.yml';

// Any v2 endpoint may answer these (docs/start/about/status-codes.mdx), whether
// the operation lists them or not.
const BIGCOMMERCE_GENERIC = [401, 403, 429, 500, 502, 503, 504];
// API-NOTES.md "Decisions": an empty page of GET /orders is 204 No Content,
// which the spec does not list.
const BIGCOMMERCE_EXTRA = { 'GET /orders': [204] };
// Requirements the official file states in prose but not in its schemas.
const BIGCOMMERCE_RULES = {
  // order_Post's description: "Products and Billing address only required for POST
  // operation."; API-NOTES.md: products, or consignments instead of them.
  'POST /orders': {
    required: ['billing_address'],
    anyOf: [{ required: ['products'] }, { required: ['consignments'] }],
  },
  // The operation's description, "Required Fields: order_address_id, items", and
  // orderShipment_Post.items: "order_product_id (required), quantity (required)".
  'POST /orders/{order_id}/shipments': {
    required: ['order_address_id', 'items'],
    properties: { items: { items: { required: ['order_product_id', 'quantity'] } } },
  },
};

/** Where the official file should be: $ORDERCTL_SHARED_DIR/specs, else ../shared/specs from the repo root. */
export function bigCommerceSpecPath(): string {
  const shared = process.env.ORDERCTL_SHARED_DIR;
  if (shared) return path.resolve(shared, 'specs', SPEC_NAME);
  return fileURLToPath(new URL(`../../../shared/specs/${SPEC_NAME}`, import.meta.url));
}

let loaded: { validator: OpenApiValidator; spec: Json } | { skipReason: string } | undefined;
let loadedFrom: string | undefined;

/** The validator for BigCommerce Orders V2, or why it cannot be had (for describe.skipIf). */
export function loadBigCommerceSpec(): { validator: OpenApiValidator; spec: Json } | { skipReason: string } {
  const file = bigCommerceSpecPath();
  if (loaded && loadedFrom === file) return loaded;
  loadedFrom = file;
  if (!fs.existsSync(file)) {
    const shown = process.env.ORDERCTL_SHARED_DIR ? file : `../shared/specs/${SPEC_NAME}`;
    loaded = { skipReason: `${shown} not found: contract checks against the official OpenAPI file skipped` };
  } else {
    const spec = parseYaml(fs.readFileSync(file, 'utf8')) as Json;
    loaded = { spec, validator: createOpenApiValidator(spec, {
      alwaysAllowed: BIGCOMMERCE_GENERIC,
      extraStatuses: BIGCOMMERCE_EXTRA,
      extraRequestRules: BIGCOMMERCE_RULES,
    }) };
  }
  return loaded;
}

interface Operation {
  template: string;
  segments: string[];
  method: string;
  params: Json[]; // resolved; operation-level ones override path-level ones
  security: Json[]; // the operation's security requirements, else the document's
  requestBody?: Json; // resolved requestBody object
  responses: Record<string, Json>; // resolved response objects by status key
}

// Formats we can check cheaply; any other format is dropped rather than failing
// (the spec's authors use format as documentation: "float", vendor formats).
const FORMATS = {
  date: (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && isCalendarDate(s),
  'date-time': (s: string) => /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(s) && isCalendarDate(s.slice(0, 10)),
  int32: { type: 'number' as const, validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 },
  int64: { type: 'number' as const, validate: (n: number) => Number.isInteger(n) },
  float: { type: 'number' as const, validate: () => true },
  double: { type: 'number' as const, validate: () => true },
};

export function createOpenApiValidator(spec: Json, options: ValidatorOptions = {}): OpenApiValidator {
  const ajv = new Ajv({ strict: false, allErrors: true, formats: FORMATS });
  const alwaysAllowed = new Set(options.alwaysAllowed ?? []);
  const cache = new Map<string, ValidateFunction>();

  // Follows local $refs (#/components/parameters/…, …/responses/…, …/requestBodies/…, …/schemas/…).
  const deref = (node: unknown): Json => {
    let n = node as Json;
    for (let hops = 0; n && typeof n.$ref === 'string'; hops++) {
      if (hops > 20) throw new Error(`$ref loop at ${n.$ref as string}`);
      const ref = n.$ref as string;
      if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported: ${ref}`);
      const target = ref
        .slice(2)
        .split('/')
        .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'))
        .reduce<unknown>((acc, k) => (acc && typeof acc === 'object' ? (acc as Json)[k] : undefined), spec);
      if (target === undefined) throw new Error(`unresolved $ref ${ref}`);
      n = target as Json;
    }
    return n;
  };

  // OpenAPI 3.0 schema → JSON Schema that Ajv understands: $refs inlined,
  // nullable as a null alternative, readOnly properties not required in
  // requests and writeOnly ones not required in responses, documentation-only
  // keywords and unknown formats dropped.
  const toJsonSchema = (schema: unknown, side: 'request' | 'response', seen: readonly string[] = []): unknown => {
    if (Array.isArray(schema)) return schema.map((s) => toJsonSchema(s, side, seen));
    if (!schema || typeof schema !== 'object') return schema;
    const s = schema as Json;
    if (typeof s.$ref === 'string') {
      if (seen.includes(s.$ref)) return {}; // a recursive schema: accept what is below
      return toJsonSchema(deref(s), side, [...seen, s.$ref]);
    }
    const out: Json = {};
    for (const [key, value] of Object.entries(s)) {
      if (key === 'example' || key === 'examples' || key === 'nullable' || key === 'discriminator' || key === 'xml' || key === 'externalDocs' || key.startsWith('x-')) continue;
      if (key === 'format' && !(typeof value === 'string' && value in FORMATS)) continue;
      if (key === 'properties' || key === 'patternProperties') {
        out[key] = Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, toJsonSchema(v, side, seen)]));
      } else if (key === 'enum' || key === 'required' || key === 'default' || key === 'const') {
        out[key] = value; // data, not schemas
      } else {
        out[key] = toJsonSchema(value, side, seen);
      }
    }
    if (Array.isArray(out.required) && out.properties) {
      const hidden = side === 'request' ? 'readOnly' : 'writeOnly';
      const props = s.properties as Json;
      out.required = (out.required as string[]).filter((name) => !(props[name] && deref(props[name])[hidden] === true));
    }
    if (s.nullable === true) {
      // enum without null would still refuse null, so the null branch stands alone.
      return { anyOf: [out, { type: 'null' }] };
    }
    return out;
  };

  const compiled = (key: string, schema: unknown, side: 'request' | 'response'): ValidateFunction => {
    let v = cache.get(key);
    if (!v) {
      v = ajv.compile(toJsonSchema(schema, side) as object);
      cache.set(key, v);
    }
    return v;
  };

  const operations: Operation[] = [];
  for (const [template, rawItem] of Object.entries((spec.paths ?? {}) as Json)) {
    const item = deref(rawItem);
    const shared = ((item.parameters as unknown[] | undefined) ?? []).map(deref);
    for (const [method, rawOp] of Object.entries(item)) {
      if (!['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'].includes(method)) continue;
      const op = rawOp as Json;
      const own = ((op.parameters as unknown[] | undefined) ?? []).map(deref);
      const byKey = new Map<string, Json>();
      for (const p of [...shared, ...own]) byKey.set(`${p.in as string}:${p.name as string}`, p);
      operations.push({
        security: ((op.security ?? spec.security ?? []) as Json[]),
        template,
        segments: template.split('/').filter(Boolean),
        method: method.toUpperCase(),
        params: [...byKey.values()],
        requestBody: op.requestBody === undefined ? undefined : deref(op.requestBody),
        responses: Object.fromEntries(Object.entries((op.responses ?? {}) as Json).map(([code, r]) => [code, deref(r)])),
      });
    }
  }

  const isParam = (segment: string) => segment.startsWith('{') && segment.endsWith('}');
  // A literal segment beats a parameter at the first place they differ:
  // /orders/count is not /orders/{order_id}.
  const specificity = (a: Operation, b: Operation): number => {
    for (let i = 0; i < a.segments.length; i++) {
      const d = Number(isParam(a.segments[i]!)) - Number(isParam(b.segments[i]!));
      if (d !== 0) return d;
    }
    return 0;
  };

  const find = (ex: HttpExchange): { op: Operation; pathParams: Record<string, string> } | { error: string } => {
    const method = ex.method.toUpperCase();
    const rawPath = ex.path.split('?')[0]!;
    const segs = rawPath.split('/').filter(Boolean);
    const candidates = operations
      .filter((o) => o.segments.length === segs.length && o.segments.every((s, i) => isParam(s) || s === segs[i]))
      .sort(specificity);
    if (!candidates.length) return { error: `${method} ${rawPath}: no such path in the spec` };
    const template = candidates[0]!.template;
    const op = candidates.find((c) => c.template === template && c.method === method);
    if (!op) {
      const methods = candidates.filter((c) => c.template === template).map((c) => c.method);
      return { error: `${method} ${rawPath}: method not documented for ${template} (documented: ${methods.join(', ')})` };
    }
    const pathParams: Record<string, string> = {};
    op.segments.forEach((s, i) => {
      if (isParam(s)) pathParams[s.slice(1, -1)] = safeDecode(segs[i]!);
    });
    return { op, pathParams };
  };

  const label = (ex: HttpExchange) => `${ex.method.toUpperCase()} ${ex.path.split('?')[0]}`;

  function validateRequest(ex: HttpExchange): string[] {
    const found = find(ex);
    if ('error' in found) return [found.error];
    const { op, pathParams } = found;
    const what = label(ex);
    const problems: string[] = [];

    const documented = new Set(op.params.filter((p) => p.in === 'query').map((p) => p.name as string));
    for (const name of Object.keys(ex.query)) {
      if (!documented.has(name)) problems.push(`${what} request: unknown query parameter "${name}" (documented: ${[...documented].join(', ') || 'none'})`);
    }

    const headers = Object.fromEntries(Object.entries(ex.headers).map(([k, v]) => [k.toLowerCase(), v]));
    for (const param of op.params) {
      const where = param.in as string;
      if (where !== 'query' && where !== 'path' && where !== 'header') continue; // cookies are never sent
      const name = param.name as string;
      const raw = where === 'path' ? pathParams[name] : where === 'header' ? headers[name.toLowerCase()] : ex.query[name];
      if (raw === undefined) {
        if (param.required === true) problems.push(`${what} request: missing required ${where} parameter "${name}"`);
        continue;
      }
      const schema = deref(param.schema ?? {});
      const v = compiled(`param:${op.method}:${op.template}:${where}:${name}`, schema, 'request');
      const value = coerceParam(name, raw, schema, param, deref);
      if (!v(value)) problems.push(...describe(v.errors, `${what} request ${where} parameter "${name}"=${JSON.stringify(raw)}`));
    }

    // One of the security requirements must be met: an apiKey in a header, or HTTP auth in Authorization.
    const schemes = ((spec.components as Json | undefined)?.securitySchemes ?? {}) as Json;
    const met = (req: Json) =>
      Object.keys(req).every((name) => {
        const scheme = deref(schemes[name] ?? {});
        if (scheme.type === 'apiKey' && scheme.in === 'header') return Boolean(headers[String(scheme.name).toLowerCase()]);
        if (scheme.type === 'http') return new RegExp(`^${String(scheme.scheme)}\\s+\\S`, 'i').test(headers.authorization ?? '');
        return true; // other kinds (cookies, OAuth flows) are not used by orderctl
      });
    if (op.security.length && !op.security.some(met)) problems.push(`${what} request: no credentials as the spec's security asks (${op.security.map((r) => Object.keys(r).join('+')).join(' or ')})`);

    const body = op.requestBody;
    if (ex.requestBody === undefined) {
      if (body?.required === true) problems.push(`${what} request: missing required body`);
    } else if (!body) {
      problems.push(`${what} request: a body was sent but none is documented`);
    } else {
      const type = headers['content-type'];
      if (body.content && !Object.keys(body.content as Json).some((t) => type?.split(';')[0]?.trim().toLowerCase() === t.toLowerCase())) {
        problems.push(`${what} request: content type ${type ? `"${type}"` : 'missing'}, documented: ${Object.keys(body.content as Json).join(', ')}`);
      }
      const schema = jsonMedia(body.content)?.schema;
      const rule = options.extraRequestRules?.[`${op.method} ${op.template}`];
      if (schema !== undefined) {
        const v = compiled(`req:${op.method}:${op.template}`, rule ? { allOf: [schema, rule] } : schema, 'request');
        if (!v(ex.requestBody)) problems.push(...describe(v.errors, `${what} request body`));
      }
    }
    return problems;
  }

  function validateResponse(ex: HttpExchange): string[] {
    const found = find(ex);
    if ('error' in found) return [found.error];
    const { op } = found;
    const what = label(ex);
    const status = String(ex.status);
    const response = op.responses[status] ?? op.responses[`${status[0]}XX`] ?? op.responses[`${status[0]}xx`] ?? op.responses.default;
    const extra = options.extraStatuses?.[`${op.method} ${op.template}`] ?? [];
    if (!response && !alwaysAllowed.has(ex.status) && !extra.includes(ex.status)) {
      return [`${what} response: status ${ex.status} is not documented (documented: ${Object.keys(op.responses).join(', ')})`];
    }
    const empty = ex.responseBody === undefined || ex.responseBody === '';
    if (ex.status === 204 || ex.status === 304) return empty ? [] : [`${what} response: ${ex.status} must have no body`];
    if (!response) return []; // a generic status: its body is not documented
    const content = response.content as Json | undefined;
    if (!content || !Object.keys(content).length) return [];
    const media = jsonMedia(content);
    if (ex.contentType && !/json/i.test(ex.contentType) && media) {
      return [`${what} response ${ex.status}: content type "${ex.contentType}", documented: ${Object.keys(content).join(', ')}`];
    }
    if (!media || media.schema === undefined) return [];
    if (empty) return [`${what} response ${ex.status}: no body, a JSON body is documented`];
    const v = compiled(`res:${op.method}:${op.template}:${status}`, media.schema, 'response');
    return v(ex.responseBody) ? [] : describe(v.errors, `${what} response ${ex.status} body`);
  }

  return {
    validateRequest,
    validateResponse,
    // An unknown path or method would otherwise be reported twice.
    validate: (ex) => [...new Set([...validateRequest(ex), ...validateResponse(ex)])],
  };
}

// Date.parse rolls 2020-02-30 over to March 1st; a real date survives the round trip.
function isCalendarDate(ymd: string): boolean {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

// Query and path values are strings on the wire; give the schema what it asks for.
function coerceParam(name: string, raw: string, schema: Json, param: Json, deref: (n: unknown) => Json): unknown {
  if (schema.type === 'array') {
    // style: form, explode: false (the default for query arrays in one key) is a comma list.
    const items = deref(schema.items ?? {});
    return raw.split(',').map((part) => coerceScalar(part, items));
  }
  let value = raw;
  // BigCommerce's sort enum names the field; its description allows ":asc"/":desc" after it.
  if (name === 'sort' && param.in === 'query') value = raw.replace(/:(asc|desc)$/i, '');
  return coerceScalar(value, schema);
}

function coerceScalar(value: string, schema: Json): unknown {
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type];
  if ((types.includes('integer') || types.includes('number')) && /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(value.trim())) return Number(value);
  if (types.includes('boolean') && (value === 'true' || value === 'false')) return value === 'true';
  return value; // left as a string, so a wrong type is reported as such
}

function jsonMedia(content: unknown): Json | undefined {
  if (!content || typeof content !== 'object') return undefined;
  const entries = Object.entries(content as Json);
  const hit = entries.find(([type]) => type === 'application/json') ?? entries.find(([type]) => /json/i.test(type));
  return hit?.[1] as Json | undefined;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

// "POST /orders request body: /billing_address must have required property 'first_name'"
function describe(errors: ErrorObject[] | null | undefined, where: string): string[] {
  return (errors ?? []).map((e) => {
    const at = e.instancePath || '/';
    let detail = e.message ?? 'is invalid';
    if (e.keyword === 'enum') detail += ` (${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')})`;
    if (e.keyword === 'additionalProperties') detail += ` ("${(e.params as { additionalProperty: string }).additionalProperty}")`;
    return `${where}: ${at} ${detail}`;
  });
}
