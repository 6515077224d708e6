// A page of a listing is a JSON array of a few MB (250 BigCommerce orders with
// their consignments: about 2 MB). Parsed whole, each page is first joined
// into one buffer, then decoded into one string of up to twice its size
// (UTF-16 as soon as one name has an accent), which V8 keeps in its
// large-object space until a full garbage collection: with several stores
// read at once, those copies and dead strings set the peak memory. Read
// element by element as its chunks arrive (ArrayReader), every string is one
// order's size and dies young, each chunk is let go once read, and decoding
// is cheaper too (an order without a non-ASCII character decodes as ASCII).
// The result is the same array JSON.parse gives.

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

/**
 * A top-level JSON array read as its chunks arrive, each element parsed (and
 * mapped) as soon as its last byte is in: a chunk is let go once read, so a
 * page never sits whole in memory. The elements are the same JSON.parse of
 * the whole body gives. It gives up (push answers false, end undefined) when
 * the body is not such an array, is not valid JSON, or nests more than
 * `maxDepth` levels (an object or array is a level; the array itself is level
 * 1); a map's own error is thrown as a MapFailure.
 */
export class ArrayReader {
  private readonly elements: unknown[] = [];
  // 0: before the array, 1: inside it, 2: after it; -1: given up.
  private where = 0;
  private depth = 0;
  private inString = false;
  // Inside a string, the backslashes that ended the previous chunk: an odd run escapes this one's first byte.
  private backslashes = 0;
  // The current element's bytes in earlier chunks.
  private parts: Buffer[] = [];
  /** Why it gave up on an array it had opened: nested deeper than maxDepth, or not valid JSON. */
  failure: 'deep' | 'invalid' | undefined;

  constructor(
    private readonly maxDepth: number,
    private readonly map?: ElementMap,
  ) {}

  /** Whether the body's first character, after JSON whitespace, has come and opens an array. */
  get opened(): boolean {
    return this.where !== 0 && this.where !== -1;
  }

  /** Whether the body can still be such an array. */
  get ok(): boolean {
    return this.where !== -1;
  }

  push(b: Buffer): boolean {
    if (this.where === -1) return false;
    try {
      if (this.read(b)) return true;
    } catch (err) {
      if (err instanceof MapFailure) throw err;
    }
    if (this.where !== 0) this.failure ??= 'invalid';
    this.where = -1;
    this.parts = [];
    return false;
  }

  /** The elements, once the whole body was such an array. */
  end(): unknown[] | undefined {
    return this.where === 2 && !this.inString ? this.elements : undefined;
  }

  private add(text: string): void {
    const value: unknown = JSON.parse(text);
    this.elements.push(this.map ? mapped(this.map, value, this.elements.length) : value);
  }

  /** The current element's text, ending before byte `to` of chunk `b`; it starts at `from` there, or in the parts before. */
  private textTo(b: Buffer, from: number, to: number): string {
    if (!this.parts.length) return b.toString('utf8', from, to);
    // An element across chunks: joined first, so a character split between them decodes whole.
    const text = Buffer.concat([...this.parts, b.subarray(0, to)]).toString('utf8');
    this.parts = [];
    return text;
  }

  /** False when the body cannot be such an array. */
  private read(b: Buffer): boolean {
    const n = b.length;
    // Where the current element starts in this chunk (0 when it began in an earlier one).
    let start = 0;
    for (let i = 0; i < n; i++) {
      if (this.inString) {
        // Structure characters are ASCII, and no byte of a multi-byte UTF-8
        // character is: scanning bytes finds them as scanning characters would.
        // The closing quote is the first one after an even run of backslashes;
        // indexOf finds candidates natively, which is most of the body's bytes.
        let q = b.indexOf(0x22, i);
        while (q !== -1) {
          let k = q - 1;
          while (k >= i && b[k] === 0x5c) k--;
          // A run reaching back to where this scan began continues the previous chunk's.
          const run = q - 1 - k + (k < i ? this.backslashes : 0);
          if (run % 2 === 0) break;
          q = b.indexOf(0x22, q + 1);
        }
        if (q === -1) {
          let k = n - 1;
          while (k >= i && b[k] === 0x5c) k--;
          this.backslashes = n - 1 - k + (k < i ? this.backslashes : 0);
          break;
        }
        this.backslashes = 0;
        i = q;
        this.inString = false;
        continue;
      }
      const c = b[i];
      if (this.where === 1) {
        if (c === 0x22) this.inString = true;
        else if (c === 0x7b || c === 0x5b) {
          if (++this.depth > this.maxDepth) return false;
        } else if (c === 0x7d || c === 0x5d) {
          if (--this.depth === 0) {
            const last = this.textTo(b, start, i);
            // "[]" and "[ ]" hold nothing; "[1,]" ends with an empty element, which JSON.parse refuses.
            if (this.elements.length || !BLANK.test(last)) this.add(last);
            this.where = 2;
          }
        } else if (c === 0x2c && this.depth === 1) {
          this.add(this.textTo(b, start, i));
          start = i + 1;
        }
      } else if (this.where === 0 && c === 0x5b) {
        this.where = 1;
        this.depth = 1;
        start = i + 1;
      } else if (!isSpace(c)) return false;
    }
    // The element goes on in the next chunk: keep its bytes from this one.
    if (this.where === 1 && start < n) this.parts.push(start ? b.subarray(start) : b);
    return true;
  }
}

/**
 * The body, given as the chunks it arrived in, as a top-level JSON array, each
 * element parsed on its own (ArrayReader); undefined when it is not such an
 * array: the caller then parses it whole, and meets the same failure there.
 */
export function parseJsonArray(chunks: readonly Buffer[], maxDepth: number, map?: ElementMap): unknown[] | undefined {
  const reader = new ArrayReader(maxDepth, map);
  for (const c of chunks) if (!reader.push(c)) return undefined;
  return reader.end();
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
