// --jq: the JSON a command prints, filtered by jq itself (jq-web: jq's own C
// code compiled to WebAssembly, so expressions behave as in the jq binary).
// Loaded only when --jq is given. Output is `jq -rc`: each result on its own
// line, strings raw. JSON documents are filtered whole when the command ends;
// NDJSON is filtered as it streams, a batch of whole lines at a time, since
// every run of jq pays for compiling the expression (about 5 ms).

import { createRequire } from 'node:module';
import { ApiError, UsageError } from '../core/errors.js';
import type { IO, Writable } from '../core/io.js';

interface JqWeb {
  raw(input: string, filter: string, flags: string[]): string | undefined;
}

interface JqFailure {
  exitCode?: number;
  stderr?: string;
  message?: string;
}

let loading: Promise<JqWeb> | undefined;

export function loadJq(): Promise<JqWeb> {
  // A CommonJS package beside its .wasm file: required at run time, never bundled.
  return (loading ??= Promise.resolve(createRequire(import.meta.url)('jq-web') as Promise<JqWeb>));
}

/** One jq error line, without jq's "jq: error (at …):" prefix and the input's name. */
function jqMessage(err: JqFailure): string {
  const text = (err.stderr ?? err.message ?? String(err)).trim();
  const line = text.split('\n').find((l) => l.startsWith('jq: error')) ?? text.split('\n')[0] ?? '';
  return line.replace(/^jq: error(?: \(at [^)]*\))?:?\s*/, '');
}

export interface JqProgram {
  /** Runs the expression on every JSON value in `input`; returns `jq -rc`'s output. */
  run(input: string): string;
}

/** Compiles EXPR once (a run on no input), so a bad expression fails before any request: exit 2. */
export async function compileJq(expr: string, stderr: Writable): Promise<JqProgram> {
  const jq = await loadJq();
  const run = (input: string): string => {
    // jq-web hands stderr of a successful run (debug, stderr builtins) to console.warn.
    const warn = console.warn;
    console.warn = (...args: unknown[]) => stderr.write(`${String(args[args.length - 1])}\n`);
    try {
      const out = jq.raw(input, expr, ['-r', '-c']);
      return out === undefined ? '' : `${out}\n`;
    } finally {
      console.warn = warn;
    }
  };
  try {
    run('');
  } catch (err) {
    throw new UsageError(`invalid --jq expression: ${jqMessage(err as JqFailure)}`);
  }
  return {
    run(input) {
      try {
        return run(input);
      } catch (err) {
        throw new ApiError(`--jq: ${jqMessage(err as JqFailure)}`, { code: 'jq_error' });
      }
    },
  };
}

/** How many NDJSON lines wait, at most, before they are filtered. */
const BATCH_LINES = 500;

export interface FilteredOutput {
  /** The command's IO, its stdout going through jq. */
  io: IO;
  /** The command finished: filter what is left, and print it. */
  end(): void;
  /** The command failed: whole NDJSON lines still go through; a JSON document, unfinished, does not. */
  abandon(): void;
}

/**
 * Wraps io.stdout. NDJSON: whole lines are filtered as they come (a batch at
 * a time: on the next turn of the event loop, or when the batch is full).
 * JSON: the text is kept and filtered once, at the end, as jq reads a file.
 */
export async function filterStdout(expr: string, io: IO, ndjson: boolean): Promise<FilteredOutput> {
  const program = await compileJq(expr, io.stderr);
  const out = io.stdout;
  let pending = '';
  let scheduled: NodeJS.Immediate | undefined;
  let failure: unknown;
  const flushLines = () => {
    scheduled = undefined;
    const cut = pending.lastIndexOf('\n');
    if (cut < 0 || failure) return;
    const lines = pending.slice(0, cut + 1);
    pending = pending.slice(cut + 1);
    try {
      out.write(program.run(lines));
    } catch (err) {
      // Kept for end(), which throws it where the command's errors go.
      failure = err;
    }
  };
  let lineCount = 0;
  const stdout: Writable = {
    write(chunk: string) {
      pending += chunk;
      if (!ndjson) return true;
      lineCount += chunk.split('\n').length - 1;
      if (lineCount >= BATCH_LINES) {
        lineCount = 0;
        flushLines();
      } else scheduled ??= setImmediate(flushLines);
      return true;
    },
  };
  const finish = (complete: boolean) => {
    if (scheduled) clearImmediate(scheduled);
    scheduled = undefined;
    if (failure) throw failure;
    if (ndjson) {
      flushLines();
      if (failure) throw failure;
      if (complete && pending.trim() !== '') out.write(program.run(pending));
    } else if (pending.trim() !== '' && (complete || parses(pending))) out.write(program.run(pending));
    pending = '';
  };
  return {
    io: { ...io, stdout },
    end: () => finish(true),
    abandon: () => {
      try {
        finish(false);
      } catch {
        // The command's own error is the one to report.
      }
    },
  };
}

/** A failed command's JSON: filtered only when it is a whole document (a bulk run's results). */
function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
