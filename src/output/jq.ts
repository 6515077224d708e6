// --jq: the JSON a command prints, filtered by jq itself (jq-web: jq's own C
// code compiled to WebAssembly, so expressions behave as in the jq binary).
// Loaded only when --jq is given. Output is `jq -rc`: each result on its own
// line, strings raw. JSON documents are filtered whole when the command ends;
// NDJSON is filtered as it streams, a batch of whole lines at a time, since
// every run of jq pays for compiling the expression (about 5 ms).
//
// jq-web hands back nothing of a run that fails, drops NUL bytes from what is
// printed, and shows a made-up environment. So the expression runs inside a
// small wrapper (PRELUDE below): an error becomes a marker line and ends that
// input only, as in jq; halt and halt_error become markers too; strings are
// printed as JSON and made raw here.

import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { ApiError, Halted, UsageError } from '../core/errors.js';
import type { IO, Writable } from '../core/io.js';
import { safeLines } from './text.js';

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

/** One jq error line, without jq's "jq: error (at …):" prefix, the input's name and a dangling colon. */
function jqMessage(err: JqFailure): string {
  const text = (err.stderr ?? err.message ?? String(err)).trim();
  const line = text.split('\n').find((l) => l.startsWith('jq: error')) ?? text.split('\n')[0] ?? '';
  return line.replace(/^jq: error(?: \(at [^)]*\))?:?\s*/, '').replace(/:$/, '');
}

/**
 * Definitions put before the expression, on its first line (so `$__loc__`
 * keeps its line numbers); the expression's own definitions win over them.
 * - halt, halt_error: a marker line, then a halt that keeps what was printed;
 * - env, $ENV: empty, so no secret of orderctl's environment reaches jq
 *   (jq-web would show a made-up one: HOME=/home/web_user);
 * - input_filename: what jq says reading stdin;
 * - strftime, strflocaltime: %k %l %P, strftime's %Z, the flags ^ and #, and
 *   unknown conversions as glibc's jq prints them (jq-web's C library fails
 *   the whole call on them);
 * - with NDJSON, input_line_number counts from the stream's start, and
 *   input/inputs fail clearly: each line is filtered on its own, in batches.
 */
function prelude(mark: string, stream: boolean, lineOffset: number): string {
  const M = JSON.stringify(mark);
  const defs = [
    'def _oc_halt: halt;',
    `def halt_error($code): if ($code | type) != "number" then error("halt_error/1: number required") else {${M}: {halt: (if type == "string" then . else tojson + "\\n" end), code: $code}}, _oc_halt end;`,
    'def halt_error: halt_error(5);',
    `def halt: {${M}: {halt: "", code: 0}}, _oc_halt;`,
    'def env: {};',
    'def input_filename: "<stdin>";',
    'def _oc_strftime($f): strftime($f); def _oc_strflocaltime($f): strflocaltime($f);',
    'def _oc_strf($f; $local): def b($x): if $local then _oc_strflocaltime($x) else _oc_strftime($x) end;',
    ' if ($f | type) != "string" then error("\\(if $local then "strflocaltime" else "strftime" end)/1 requires a string format")',
    ' elif $f == "" then b($f) else . as $t | reduce ($f | scan("%[-_0^#]*[0-9]*[EO]?.|%$|[^%]+")) as $k ("";',
    '  . + ($k | if startswith("%") | not then . elif test("^%[-_0#]*\\\\^") then ($t | _oc_strf($k | sub("\\\\^"; ""); $local) | ascii_upcase)',
    '  elif test("^%[-_0]*#") then ($t | _oc_strf($k | sub("#"; ""); $local) | if $k | test("[aAbBh]$") then ascii_upcase elif $k | test("[pZ]$") then ascii_downcase else . end)',
    '  elif test("^%[-_0]*[0-9]*[kl]$") then (sub("(?<f>[-_0]*)(?<w>[0-9]*)(?<c>[kl])$"; "\\(if .f == "" then "_" else .f end)\\(.w)\\(if .c == "k" then "H" else "I" end)") as $h | $t | b($h))',
    '  elif . == "%P" then ($t | b("%p") | ascii_downcase) elif . == "%Z" and ($local | not) then "UTC"',
    '  elif test("^%[-_0]*[0-9]*([EO]?[aAbBcCdDeFgGhHIjmMnprRsStTuUVwWxXyYzZ%])$") then ($t | b($k)) else . end)) end;',
    'def strftime($f): _oc_strf($f; false); def strflocaltime($f): _oc_strf($f; true);',
  ];
  if (stream) {
    const stop = 'error("input and inputs read the next input, and NDJSON output is filtered line by line: use JSON output (-o json) to filter the whole list")';
    defs.push(`def _oc_iln: input_line_number; def input_line_number: _oc_iln + ${lineOffset};`, `def input: ${stop}; def inputs: ${stop};`);
  }
  return `${defs.join(' ')} {} as $ENV | `;
}

export interface JqRun {
  /** What jq printed on stdout, as `jq -rc`. */
  out: string;
  /** The first error that ended an input (jq goes on with the next input). */
  error?: string;
  /** halt or halt_error: what it prints on stderr and its exit code; nothing after it runs. */
  halt?: { text: string; code: number };
}

export interface JqProgram {
  /** Runs the expression on every JSON value in `input`; `line` is how many lines came before, in a stream. */
  exec(input: string, line?: number): JqRun;
  /** exec, for a whole document: its output, or its first error thrown (exit 1). */
  run(input: string): string;
}

/** Compiles EXPR once (a run on no input), so a bad expression fails before any request: exit 2. */
export async function compileJq(expr: string, stderr: Writable, opts: { stream?: boolean; terminal?: boolean } = {}): Promise<JqProgram> {
  const jq = await loadJq();
  const mark = `orderctl-jq-${randomUUID()}`;
  const markerStart = `{${JSON.stringify(mark)}:`;
  // The newline ends a trailing comment of the expression.
  const wrap = (line: number) => `${prelude(mark, opts.stream ?? false, line)}try (${expr}\n) catch {${JSON.stringify(mark)}: {error: (if type == "string" then . else "(not a string): " + tojson end)}}`;
  const raw = (input: string, filter: string): string | undefined => {
    // jq-web hands stderr of a successful run (debug, stderr builtins) to console.warn.
    const warn = console.warn;
    console.warn = (...args: unknown[]) => stderr.write(`${String(args[args.length - 1])}\n`);
    try {
      // No -r: jq-web drops NUL bytes from raw strings; they are made raw here.
      return jq.raw(input, filter, ['-c']);
    } finally {
      console.warn = warn;
    }
  };
  try {
    raw('', expr);
  } catch (err) {
    throw new UsageError(`invalid --jq expression: ${jqMessage(err as JqFailure)}`);
  }
  // The wrapper is only known to fail where the expression is odd enough (a comment ending in a backslash); then it runs bare.
  let wrapped = true;
  try {
    raw('', wrap(0));
  } catch {
    wrapped = false;
  }
  const exec = (input: string, line = 0): JqRun => {
    let printed: string | undefined;
    try {
      printed = raw(input, wrapped ? wrap(line) : expr);
    } catch (err) {
      return { out: '', error: jqMessage(err as JqFailure) };
    }
    const result: JqRun = { out: '' };
    if (printed === undefined) return result;
    const out: string[] = [];
    for (const text of printed.split('\n')) {
      if (text.startsWith(markerStart)) {
        const m = (JSON.parse(text) as Record<string, { error?: string; halt?: string; code?: number }>)[mark]!;
        if (m.error !== undefined) result.error ??= m.error;
        else result.halt = { text: m.halt ?? '', code: m.code ?? 0 };
      } else {
        const value = text.startsWith('"') ? (JSON.parse(text) as string) : text;
        // Server text is made safe before it reaches a terminal (README, Output); pipes get jq's bytes.
        out.push(opts.terminal ? safeLines(value) : value);
      }
    }
    result.out = out.length ? `${out.join('\n')}\n` : '';
    return result;
  };
  return {
    exec,
    run(input) {
      const r = exec(input);
      if (r.error !== undefined) throw jqError(r.error);
      if (r.halt) throw new Halted(r.halt.text, r.halt.code);
      return r.out;
    },
  };
}

function jqError(message: string): ApiError {
  return new ApiError(`--jq: ${message}`, { code: 'jq_error' });
}

/** How many NDJSON lines wait, at most, before they are filtered. */
const BATCH_LINES = 500;

export interface FilteredOutput {
  /** The command's IO, its stdout going through jq. */
  io: IO;
  /** The command finished: filter what is left, and print it; then report jq's first error or halt_error. */
  end(): void;
  /**
   * The command failed: whole NDJSON lines still go through; a JSON document,
   * unfinished, does not. Returns jq's first error, if it had one: the caller
   * tells it as well as the command's, which sets the exit code.
   */
  abandon(): ApiError | undefined;
  /** NDJSON lines waiting for their batch are filtered now: before a request, so a halt among them is known. */
  settle(): void;
  /** settle(), then, once jq has halted, throws (Halted): jq reads nothing more, so nothing more is fetched. */
  beforeRequest(): void;
  /** jq halted: what the command prints from now on is dropped. */
  readonly halted: boolean;
  /** Called once, when jq halts. */
  onHalt(fn: () => void): void;
}

/**
 * Wraps io.stdout. NDJSON: whole lines are filtered as they come (a batch at
 * a time: on the next turn of the event loop, or when the batch is full).
 * JSON: the text is kept and filtered once, at the end, as jq reads a file.
 * As jq does, an error ends its input only: the rest is still filtered, and
 * the first error is reported at the end (exit 1). A halt ends the filtering,
 * and the command's requests (beforeRequest).
 */
export async function filterStdout(expr: string, io: IO, ndjson: boolean): Promise<FilteredOutput> {
  const program = await compileJq(expr, io.stderr, { stream: ndjson, terminal: io.stdoutIsTTY });
  const out = io.stdout;
  let pending = '';
  let scheduled: NodeJS.Immediate | undefined;
  let error: string | undefined;
  let halt: { text: string; code: number } | undefined;
  let linesBefore = 0;
  const haltListeners: Array<() => void> = [];
  const filter = (text: string) => {
    if (halt) return;
    const r = program.exec(text, linesBefore);
    linesBefore += text.split('\n').length - 1;
    out.write(r.out);
    error ??= r.error;
    halt = r.halt;
    if (!halt) return;
    // What jq prints as it stops: the command's own output after it is dropped.
    io.stderr.write(halt.text);
    haltListeners.forEach((fn) => fn());
  };
  const flushLines = () => {
    if (scheduled) clearImmediate(scheduled);
    scheduled = undefined;
    const cut = pending.lastIndexOf('\n');
    if (cut < 0) return;
    const lines = pending.slice(0, cut + 1);
    pending = pending.slice(cut + 1);
    filter(lines);
  };
  let lineCount = 0;
  const stdout: Writable = {
    write(chunk: string) {
      if (halt) return true;
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
    if (ndjson) {
      flushLines();
      if (complete && pending.trim() !== '') filter(pending);
    } else if (pending.trim() !== '' && (complete || parses(pending))) filter(pending);
    pending = '';
  };
  const settle = () => {
    if (ndjson && !halt) flushLines();
  };
  return {
    io: { ...io, stdout },
    end: () => {
      finish(true);
      if (halt && halt.code !== 0) throw new Halted(halt.text, halt.code);
      if (error !== undefined && !halt) throw jqError(error);
    },
    // The command's own error is the one that sets the exit code.
    abandon: () => {
      finish(false);
      return error !== undefined && !halt ? jqError(error) : undefined;
    },
    settle,
    beforeRequest: () => {
      settle();
      if (halt) throw new Halted(halt.text, halt.code);
    },
    get halted() {
      return halt !== undefined;
    },
    onHalt: (fn) => void haltListeners.push(fn),
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
