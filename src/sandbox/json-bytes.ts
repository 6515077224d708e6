// A JSON answer as UTF-8 bytes, exactly what Buffer.from(JSON.stringify(body))
// gives, but cheaper for list pages.
//
// Why: V8 builds a string one byte per character only while every character is
// Latin-1. One order with a CJK name in a page of 250 makes JSON.stringify's
// page-sized string two bytes per character, and encoding that to UTF-8 costs
// several times the stringify itself. Stringified element by element, only the
// elements that hold such a character are two-byte strings.

/** The UTF-8 bytes of JSON.stringify(body); undefined where JSON.stringify gives undefined. */
export function jsonBytes(body: unknown): Buffer | undefined {
  const parts = jsonPieces(body);
  if (!parts) {
    const text = JSON.stringify(body) as string | undefined;
    return text === undefined ? undefined : Buffer.from(text, 'utf8');
  }
  // Each piece encoded on its own and the buffers joined: measured faster than
  // writing the pieces at offsets into one buffer (Buffer#write), on Node 20.
  const buffers = parts.map((p) => Buffer.from(p, 'utf8'));
  let size = 0;
  for (const b of buffers) size += b.length;
  return Buffer.concat(buffers, size);
}

/** JSON.stringify(body) in pieces that join to it, or undefined when the body is not split (see splitJson). */
export function jsonPieces(body: unknown): string[] | undefined {
  const parts: string[] = [];
  return splitJson(body, parts) ? parts : undefined;
}

/**
 * Appends the JSON text of `v` to `parts` in pieces: a top-level array element
 * by element, and a top-level plain object key by key, with each array among
 * its values element by element (Squarespace's {result: [...]}, CS-Cart's
 * {orders: [...]}). Returns false, having appended nothing, for anything else,
 * and for a toJSON at a level it would split: JSON.stringify passes toJSON the
 * property's key, which a piece-wise call would not, so such a body is
 * stringified whole.
 */
function splitJson(v: unknown, parts: string[]): boolean {
  if (Array.isArray(v)) return splitArray(v, parts);
  if (typeof v !== 'object' || v === null || hasToJson(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  const record = v as Record<string, unknown>;
  const keys = Object.keys(record);
  // Split only where an array is: a single order is small, and key by key would be slower.
  if (!keys.some((k) => Array.isArray(record[k])) || keys.some((k) => hasToJson(record[k]))) return false;
  parts.push('{');
  let first = true;
  for (const k of keys) {
    const x = record[k];
    const at = parts.length;
    parts.push(first ? '' : ',', JSON.stringify(k), ':');
    if (!(Array.isArray(x) && splitArray(x, parts))) {
      const text = JSON.stringify(x) as string | undefined;
      // JSON.stringify leaves out a property it cannot represent (undefined, a function, a symbol).
      if (text === undefined) {
        parts.length = at;
        continue;
      }
      parts.push(text);
    }
    first = false;
  }
  parts.push('}');
  return true;
}

/** An array element by element; false (nothing appended) when an element has a toJSON. */
function splitArray(v: unknown[], parts: string[]): boolean {
  if (hasToJson(v) || v.some(hasToJson)) return false;
  parts.push('[');
  for (let i = 0; i < v.length; i++) {
    if (i > 0) parts.push(',');
    // JSON.stringify writes null for an element it cannot represent (undefined, a function, a symbol).
    parts.push((JSON.stringify(v[i]) as string | undefined) ?? 'null');
  }
  parts.push(']');
  return true;
}

function hasToJson(v: unknown): boolean {
  return typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON === 'function';
}
