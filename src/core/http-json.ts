// A page of a listing is a JSON array of a few MB (250 BigCommerce orders with
// their consignments: about 2 MB). Parsed whole, each page is first joined
// into one buffer, then decoded into one string of up to twice its size
// (UTF-16 as soon as one name has an accent), which V8 keeps in its
// large-object space until a full garbage collection: with several stores
// read at once, those copies and dead strings set the peak memory. Parsed
// element by element, straight from the chunks the body arrived in, every
// string is one order's size and dies young, and decoding is cheaper too (an
// order without a non-ASCII character decodes as ASCII). The result is the
// same array JSON.parse gives.

/** Bodies smaller than this are parsed whole: splitting them saves nothing. */
export const SPLIT_MIN_BYTES = 64 * 1024;

const isSpace = (c: number | undefined) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const BLANK = /^[ \t\n\r]*$/;

/** Whether the body's first character, after JSON whitespace, opens an array. */
export function opensArray(chunks: readonly Uint8Array[]): boolean {
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++) if (!isSpace(chunk[i])) return chunk[i] === 0x5b;
  }
  return false;
}

/** The text of bytes [from, to) of the body, given as (chunk, offset) pairs. */
function textOf(chunks: readonly Buffer[], fromChunk: number, from: number, toChunk: number, to: number): string {
  if (fromChunk === toChunk) return chunks[fromChunk]!.toString('utf8', from, to);
  // An element across chunks: joined first, so a character split between them decodes whole.
  const parts = [chunks[fromChunk]!.subarray(from), ...chunks.slice(fromChunk + 1, toChunk), chunks[toChunk]!.subarray(0, to)];
  return Buffer.concat(parts).toString('utf8');
}

/**
 * The body, given as the chunks it arrived in, as a top-level JSON array, each
 * element parsed on its own: the same value as JSON.parse of the whole body.
 * Undefined when the body is not such an array, is not valid JSON, or nests
 * more than `maxDepth` levels (an object or array is a level; the array
 * itself is level 1): the caller then parses it whole, and meets the same
 * failure there.
 */
export function parseJsonArray(chunks: readonly Buffer[], maxDepth: number, map?: ElementMap): unknown[] | undefined {
  const elements: unknown[] = [];
  const add = (text: string) => {
    const value: unknown = JSON.parse(text);
    elements.push(map ? mapped(map, value, elements.length) : value);
  };
  // 0: before the array, 1: inside it, 2: after it.
  let where = 0;
  let depth = 0;
  let inString = false;
  // Where the current element starts: a chunk and an offset in it.
  let startChunk = 0;
  let start = 0;
  // Inside a string, the backslashes that ended the previous chunk: an odd run escapes this one's first byte.
  let backslashes = 0;
  try {
    for (let ci = 0; ci < chunks.length; ci++) {
      const b = chunks[ci]!;
      const n = b.length;
      if (!n) continue;
      let i = 0;
      for (; i < n; i++) {
        if (inString) {
          // Structure characters are ASCII, and no byte of a multi-byte UTF-8
          // character is: scanning bytes finds them as scanning characters would.
          // The closing quote is the first one after an even run of backslashes;
          // indexOf finds candidates natively, which is most of the body's bytes.
          let q = b.indexOf(0x22, i);
          while (q !== -1) {
            let k = q - 1;
            while (k >= i && b[k] === 0x5c) k--;
            // A run reaching back to where this scan began continues the previous chunk's.
            const run = q - 1 - k + (k < i ? backslashes : 0);
            if (run % 2 === 0) break;
            q = b.indexOf(0x22, q + 1);
          }
          if (q === -1) {
            let k = n - 1;
            while (k >= i && b[k] === 0x5c) k--;
            backslashes = n - 1 - k + (k < i ? backslashes : 0);
            break;
          }
          backslashes = 0;
          i = q;
          inString = false;
          continue;
        }
        const c = b[i];
        if (where === 1) {
          if (c === 0x22) inString = true;
          else if (c === 0x7b || c === 0x5b) {
            if (++depth > maxDepth) return undefined;
          } else if (c === 0x7d || c === 0x5d) {
            if (--depth === 0) {
              const last = textOf(chunks, startChunk, start, ci, i);
              // "[]" and "[ ]" hold nothing; "[1,]" ends with an empty element, which JSON.parse refuses.
              if (elements.length || !BLANK.test(last)) add(last);
              where = 2;
            }
          } else if (c === 0x2c && depth === 1) {
            add(textOf(chunks, startChunk, start, ci, i));
            startChunk = ci;
            start = i + 1;
          }
        } else if (where === 0 && c === 0x5b) {
          where = 1;
          depth = 1;
          startChunk = ci;
          start = i + 1;
        } else if (!isSpace(c)) return undefined;
      }
    }
    return where === 2 && !inString ? elements : undefined;
  } catch (err) {
    if (err instanceof MapFailure) throw err;
    return undefined;
  }
}

/**
 * Reads one element of a page as it is parsed (an order, normalized): the
 * platform's JSON of each then dies young instead of outliving the page.
 */
export type ElementMap = (element: unknown, index: number) => unknown;

/** An element map's own error, told apart from invalid JSON (which is retried); `thrown` is what it threw. */
export class MapFailure extends Error {
  constructor(readonly thrown: unknown) {
    super('an element map failed');
  }
}

/** `map(value, i)`, with its errors as MapFailure. */
export function mapped(map: ElementMap, value: unknown, i: number): unknown {
  try {
    return map(value, i);
  } catch (err) {
    throw new MapFailure(err);
  }
}
