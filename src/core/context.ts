// The Context is everything a command may touch: streams, environment,
// config, the HTTP client, the clock, prompts. cli.ts builds the real one;
// tests build one with fakes (test/support/context.ts). Like gh's Factory,
// the expensive parts are functions, so `--version` builds none of them.

import type { Clock } from './clock.js';
import type { ConfigStore } from './config.js';
import type { HttpClient, PlatformHttp } from './http.js';
import type { IO } from './io.js';
import type { AtomicFile } from './atomic-file.js';
import type { Prompter } from '../prompts/prompter.js';
import type { Wait } from './rate-limit.js';

export type OutputFormat = 'table' | 'json' | 'ndjson' | 'csv' | 'ids';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'json', 'ndjson', 'csv', 'ids'];

/** The global flags of DESIGN.md, parsed once by cli.ts. */
export interface GlobalOptions {
  /** The one profile named, when exactly one was (-p NAME). */
  profile?: string;
  /** Every profile named with -p (comma lists, repeated), in order, without repeats. */
  profiles: string[];
  /** --all-profiles: every configured store. */
  allProfiles: boolean;
  output?: OutputFormat;
  fields?: string[];
  raw: boolean;
  sandbox: boolean;
  /** --sandbox PLATFORM: the dialect to use (default: chosen by what the command needs). */
  sandboxPlatform?: string;
  /** --jq EXPR: filter the JSON the command prints. */
  jq?: string;
  debug: boolean;
  quiet: boolean;
  yes: boolean;
  input: boolean;
  color: boolean;
  /** Print the changes a command would send, and send none. */
  dryRun: boolean;
  /** Keep times in UTC in tables (they are local time on a terminal otherwise). */
  utc: boolean;
  /** CSV starts with a UTF-8 byte-order mark, so Excel reads it as UTF-8 (--excel, --bom). */
  excel: boolean;
  timeoutMs: number;
}

export interface Context {
  io: IO;
  env: Record<string, string | undefined>;
  clock: Clock;
  random: () => number;
  /** Aborted on Ctrl-C, SIGTERM or SIGHUP. */
  signal: AbortSignal;
  globals: GlobalOptions;
  config(): Promise<ConfigStore>;
  http(platform: PlatformHttp): HttpClient;
  prompter(): Promise<Prompter>;
  /** Reads a file the user named (--file, --address-file). */
  readFile(path: string): Promise<string>;
  /** A file that appears under its name only when committed (exports). */
  createAtomicFile(path: string): Promise<AtomicFile>;
  /**
   * A command that can stop cleanly (a bulk run) takes the first Ctrl-C here:
   * it stops starting work and lets what is in flight finish. Without a
   * handler, Ctrl-C aborts at once (signal).
   */
  onInterrupt(handler: () => void): void;
  /**
   * This command's standard output is a whole that a reader must get entire
   * (`orders export --out -`): a reader that stops early makes it fail (exit 1),
   * where for a listing (`orders list | head`) that is no error.
   */
  stdoutMustComplete(): void;
  /** Runs when the command ends, success or not (closing sockets, an in-process sandbox). */
  defer(fn: () => Promise<void> | void): void;
  /** Debug trace line on stderr; a no-op without --debug. */
  debug(line: string): void;
  /** Hears each hold of more than a second (rate limit, Retry-After) of every HTTP client: progress lines show it. */
  onWait(listener: (wait: Wait) => void): void;
  /**
   * Runs before each request of every HTTP client is sent; throwing stops it.
   * --jq uses it: jq sees what was printed before more is read, and once it
   * halts, nothing more is.
   */
  beforeRequest(check: () => void): void;
}

export function defaultGlobals(): GlobalOptions {
  return { profiles: [], allProfiles: false, raw: false, sandbox: false, debug: false, quiet: false, yes: false, input: true, color: true, utc: false, excel: false, dryRun: false, timeoutMs: 30_000 };
}
