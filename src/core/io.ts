// IO owns every terminal decision (TTY, colour, prompting, progress) so that
// commands never look at process.* and tests can flip one flag at a time.

import { UsageError } from './errors.js';

export interface Writable {
  write(chunk: string): unknown;
}

export interface IO {
  stdout: Writable;
  stderr: Writable;
  /** Reads all of stdin as text (for --token-stdin, --file -, --stdin). */
  readStdin(): Promise<string>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  stdinIsTTY: boolean;
  /** Colour on stdout: a TTY, not NO_COLOR/--no-color, or FORCE_COLOR. */
  colorEnabled: boolean;
  /** Prompts need a terminal on both ends, and no --no-input. */
  canPrompt: boolean;
  /** Terminal width for tables; 80 when unknown. */
  columns: number;
}

export interface TerminalFacts {
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  stdinIsTTY: boolean;
  env: Record<string, string | undefined>;
  noColorFlag: boolean;
  noInput: boolean;
}

export function decideColor(f: TerminalFacts): boolean {
  if (f.noColorFlag) return false;
  const force = f.env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  if (f.env.NO_COLOR !== undefined && f.env.NO_COLOR !== '') return false;
  if (f.env.TERM === 'dumb') return false;
  return f.stdoutIsTTY;
}

export function decidePrompting(f: TerminalFacts): boolean {
  return !f.noInput && f.stdinIsTTY && f.stderrIsTTY;
}

/** The real process streams; only cli.ts calls this. */
export function processIO(opts: { noColorFlag: boolean; noInput: boolean }): IO {
  const facts: TerminalFacts = {
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    stdinIsTTY: Boolean(process.stdin.isTTY),
    env: process.env,
    ...opts,
  };
  const out = processStdout();
  return {
    stdout: out,
    stderr: afterBatch(out, process.stderr),
    readStdin: () => readStream(process.stdin),
    stdoutIsTTY: facts.stdoutIsTTY,
    stderrIsTTY: facts.stderrIsTTY,
    stdinIsTTY: facts.stdinIsTTY,
    colorEnabled: decideColor(facts),
    canPrompt: decidePrompting(facts),
    columns: terminalColumns(process.stdout.columns, process.env.COLUMNS),
  };
}

/**
 * The terminal's width: as it reports it; else COLUMNS (a terminal that
 * reports none, `COLUMNS=60 orderctl …`), as ls and git read it; else 80.
 */
export function terminalColumns(reported: number | undefined, env: string | undefined): number {
  if (reported) return reported;
  const n = Number(env);
  return Number.isInteger(n) && n > 0 ? n : 80;
}

/**
 * A stdout that gathers what one synchronous burst writes (a page of 250
 * orders arrives through microtasks) and hands it to the stream in one write:
 * one write call per order cost more CPU than mapping the order. Each string
 * is encoded into the batch's bytes as it comes: joined into one string first,
 * a batch became UTF-16 as soon as one line had a CJK name, and encoding it
 * cost more than printing the orders (bench/stores.mjs). The batch goes out on
 * the next turn of the event loop (a slow listing still shows each page as it
 * arrives), when it passes BATCH_BYTES, before anything is written to stderr,
 * and at exit. Writes to a pipe or file block on Linux, so the pressure a slow
 * reader puts on orderctl and EPIPE on a closed pipe are as they were, one
 * batch later.
 */
export interface BatchedWriter extends Writable {
  flush(): void;
}

/** Where a batch goes: process.stdout. */
export interface ByteSink {
  write(chunk: Uint8Array): unknown;
  /** Bytes the stream holds, not yet written (Node's Writable); unknown means it may hold any. */
  readonly writableLength?: number;
}

export const BATCH_BYTES = 64 * 1024;
// Room for a batch and the string that takes it past BATCH_BYTES.
const ROOM = 2 * BATCH_BYTES;

export function batchedWriter(target: ByteSink): BatchedWriter {
  let bytes = Buffer.allocUnsafe(ROOM);
  let used = 0;
  let scheduled: NodeJS.Immediate | undefined;
  const flush = () => {
    if (scheduled) clearImmediate(scheduled);
    scheduled = undefined;
    if (used === 0) return;
    const chunk = bytes.subarray(0, used);
    used = 0;
    target.write(chunk);
    // A stream that could not write it all at once keeps the chunk (a full pipe):
    // the next batch then gets bytes of its own. Otherwise they are free again.
    if (target.writableLength !== 0) bytes = Buffer.allocUnsafe(ROOM);
  };
  // A UTF-16 unit is at most 3 bytes of UTF-8; counted exactly only when that might not fit.
  const fits = (s: string, room: number) => s.length * 3 <= room || Buffer.byteLength(s) <= room;
  return {
    write(chunk: string) {
      if (!fits(chunk, ROOM - used)) {
        flush();
        if (!fits(chunk, ROOM)) {
          target.write(Buffer.from(chunk));
          return true;
        }
      }
      used += bytes.write(chunk, used);
      if (used >= BATCH_BYTES) flush();
      else scheduled ??= setImmediate(flush);
      return true;
    },
    flush,
  };
}

/** stderr that first writes out what waits in the stdout batch, so lines keep their order under 2>&1. */
export function afterBatch(batch: BatchedWriter, stderr: Writable): Writable {
  return { write: (chunk: string) => (batch.flush(), stderr.write(chunk)) };
}

let stdoutBatch: BatchedWriter | undefined;

/** One batch for the process, however many IOs are made; emptied at exit, whatever the way out. */
function processStdout(): BatchedWriter {
  if (!stdoutBatch) {
    const batch = batchedWriter(process.stdout);
    process.on('exit', () => batch.flush());
    stdoutBatch = batch;
  }
  return stdoutBatch;
}

/** Writes out what waits in the stdout batch; for code that writes to process.stderr itself (prompts). */
export function flushStdout(): void {
  stdoutBatch?.flush();
}

/** More than any list of ids, order file or token; a bigger input is refused (exit 2) rather than read into memory. */
export const MAX_STDIN_BYTES = 64 * 1024 * 1024;

export async function readStream(stream: AsyncIterable<Buffer | string>, max = MAX_STDIN_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += b.length;
    if (size > max) throw new UsageError(`standard input is larger than ${Math.round(max / 1024 ** 2)} MB; orderctl reads at most that`);
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Buffers with every TTY flag off, like gh's iostreams.Test(). */
export interface TestIO extends IO {
  out(): string;
  err(): string;
}

export function testIO(overrides: Partial<IO> & { stdin?: string } = {}): TestIO {
  let out = '';
  let err = '';
  const { stdin = '', ...rest } = overrides;
  return {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    readStdin: async () => stdin,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    stdinIsTTY: false,
    colorEnabled: false,
    canPrompt: false,
    columns: 120,
    ...rest,
    out: () => out,
    err: () => err,
  };
}
