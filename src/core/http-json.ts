// A page of a listing is a JSON array of a few MB (250 BigCommerce orders with
// their consignments: about 2 MB). Parsed whole, each page first becomes one
// string of up to twice that size (UTF-16 as soon as one name has an accent),
// which V8 keeps in its large-object space until a full garbage collection:
// with several stores read at once, those dead strings set the peak memory.
// Parsed element by element, every string is one order's size and dies young,
// and decoding is cheaper too (an order without a non-ASCII character decodes
// as ASCII). The result is the same array JSON.parse gives.

/** Bodies smaller than this are parsed whole: splitting them saves nothing. */
export const SPLIT_MIN_BYTES = 64 * 1024;

const isSpace = (c: number | undefined) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** Whether the body's first character, after JSON whitespace, opens an array. */
export function opensArray(bytes: Uint8Array): boolean {
  let i = 0;
  while (isSpace(bytes[i])) i++;
  return bytes[i] === 0x5b;
}

/**
 * The body as a top-level JSON array, each element parsed on its own: the
 * same value as `JSON.parse(bytes.toString())`. Undefined when the body is
 * not such an array, is not valid JSON, or nests more than `maxDepth` levels
 * (an object or array is a level; the array itself is level 1): the caller
 * then parses it whole, and meets the same failure there.
 */
export function parseJsonArray(bytes: Buffer, maxDepth: number): unknown[] | undefined {
  const n = bytes.length;
  let i = 0;
  while (isSpace(bytes[i])) i++;
  if (bytes[i] !== 0x5b) return undefined;
  const elements: unknown[] = [];
  let depth = 1;
  let start = i + 1;
  let end = -1;
  try {
    // Structure characters are ASCII, and no byte of a multi-byte UTF-8
    // character is: scanning bytes finds them as scanning characters would.
    for (i++; i < n; i++) {
      const c = bytes[i];
      if (c === 0x22) {
        // A string: to its closing quote, stepping over escapes (\" and \\).
        for (i++; i < n; i++) {
          const s = bytes[i];
          if (s === 0x5c) i++;
          else if (s === 0x22) break;
        }
      } else if (c === 0x7b || c === 0x5b) {
        if (++depth > maxDepth) return undefined;
      } else if (c === 0x7d || c === 0x5d) {
        if (--depth === 0) {
          end = i;
          break;
        }
      } else if (c === 0x2c && depth === 1) {
        elements.push(JSON.parse(bytes.toString('utf8', start, i)));
        start = i + 1;
      }
    }
    if (end < 0) return undefined;
    for (i = end + 1; i < n; i++) if (!isSpace(bytes[i])) return undefined;
    // "[]" and "[ ]" hold nothing; "[1,]" ends with an empty element, which JSON.parse refuses.
    let blank = true;
    for (let k = start; k < end && blank; k++) blank = isSpace(bytes[k]);
    if (elements.length || !blank) elements.push(JSON.parse(bytes.toString('utf8', start, end)));
    return elements;
  } catch {
    return undefined;
  }
}
