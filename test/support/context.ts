// A Context for in-process command tests: buffered IO with every TTY flag
// off, an in-memory or temp-dir config, a fake clock (retries never sleep),
// seeded randomness, and the real HTTP client talking to a real sandbox.

import { setMaxListeners } from 'node:events';
import fs from 'node:fs';
import { CommanderError } from 'commander';
import { buildProgram, configureOutputAll, reportError, SANDBOX_PLATFORMS, separateSandboxValue } from '../../src/cli.js';
import { createAtomicFile } from '../../src/core/atomic-file.js';
import { fakeClock, seededRandom, systemClock, type FakeClock } from '../../src/core/clock.js';
import { memoryConfig, type ConfigData, type ConfigStore } from '../../src/core/config.js';
import { defaultGlobals, type Context, type GlobalOptions } from '../../src/core/context.js';
import { DEFAULT_HTTP, HttpClient } from '../../src/core/http.js';
import { testIO, type TestIO } from '../../src/core/io.js';
import { scriptedPrompter } from '../../src/prompts/prompter.js';
import type { Wait } from '../../src/core/rate-limit.js';

export interface TestContextOptions {
  /** Called with the Context as soon as it exists (to interrupt it later, say). */
  onContext?: (ctx: TestContext) => void;
  io?: Parameters<typeof testIO>[0];
  env?: Record<string, string | undefined>;
  config?: ConfigData | ConfigStore;
  globals?: Partial<GlobalOptions>;
  clock?: FakeClock;
  /** Real time, for tests where the client's waits must meet a server's real quota window. */
  realClock?: boolean;
  answers?: Array<string | boolean>;
  files?: Record<string, string>;
  /** Seed of the Context's randomness (jitter, idempotency keys); runs that must not share keys take their own. */
  seed?: number;
}

export interface TestContext extends Context {
  io: TestIO;
  clock: FakeClock;
  /** The scripted prompts: what was asked, what validation refused. */
  prompts: ReturnType<typeof scriptedPrompter>;
  /** Ctrl-C, for tests. */
  interrupt(): void;
  cleanup(): Promise<void>;
}

export function testContext(o: TestContextOptions = {}): TestContext {
  const io = testIO(o.io);
  const clock = o.realClock ? ({ ...systemClock, sleeps: [], advance: () => undefined } as FakeClock) : (o.clock ?? fakeClock());
  const random = seededRandom(o.seed ?? 42);
  const env = o.env ?? {};
  const store = o.config && 'data' in o.config ? (o.config as ConfigStore) : memoryConfig((o.config as ConfigData) ?? { profiles: {} });
  const defers: Array<() => Promise<void> | void> = [];
  const globals = { ...defaultGlobals(), ...o.globals };
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  const gentle: Array<() => void> = [];
  const prompts = scriptedPrompter(o.answers ?? []);
  const waitListeners: Array<(w: Wait) => void> = [];
  const requestChecks: Array<() => void> = [];
  return {
    io,
    prompts,
    env,
    clock,
    random,
    signal: controller.signal,
    globals,
    config: async () => store,
    http: (platform) => {
      const client = new HttpClient(platform, {
        ...DEFAULT_HTTP,
        timeoutMs: globals.timeoutMs,
        clock,
        random,
        env,
        signal: controller.signal,
        debug: globals.debug ? (l) => io.stderr.write(`[debug] ${l}\n`) : undefined,
        dryRun: globals.dryRun ? (request) => io.stdout.write(request) : undefined,
        onWait: (w) => waitListeners.forEach((l) => l(w)),
        beforeRequest: () => requestChecks.forEach((check) => check()),
      });
      defers.push(() => client.close());
      return client;
    },
    prompter: async () => prompts,
    readFile: async (file) => {
      if (o.files && file in o.files) return o.files[file]!;
      return fs.promises.readFile(file, 'utf8');
    },
    createAtomicFile: (file) => createAtomicFile(file),
    defer: (fn) => defers.push(fn),
    debug: (line) => {
      if (globals.debug) io.stderr.write(`[debug] ${line}\n`);
    },
    onWait: (fn) => waitListeners.push(fn),
    beforeRequest: (check) => requestChecks.push(check),
    onInterrupt: (fn) => gentle.push(fn),
    stdoutMustComplete: () => undefined,
    // Like main(): a command that stops gently gets the first Ctrl-C, others abort.
    interrupt: () => (gentle.length ? gentle.forEach((fn) => fn()) : controller.abort()),
    cleanup: async () => {
      for (const fn of defers.splice(0).reverse()) await fn();
    },
  };
}

/** Runs the real command tree in-process with a test Context; returns what a user would see. */
export async function runCommand(argv: string[], o: TestContextOptions = {}): Promise<{ code: number; out: string; err: string; ctx: TestContext }> {
  let ctx: TestContext | undefined;
  const program = buildProgram((globals) => {
    ctx = testContext({ ...o, globals: { ...globals, ...o.globals } });
    o.onContext?.(ctx);
    return ctx;
  });
  let commanderErr = '';
  configureOutputAll(program, { writeOut: () => undefined, writeErr: (s) => (commanderErr += s) });
  let code = 0;
  try {
    await program.parseAsync(separateSandboxValue(argv, SANDBOX_PLATFORMS), { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) code = err.exitCode === 0 ? 0 : 2;
    else {
      const io = ctx?.io ?? testIO();
      ctx ??= testContext({ ...o });
      const format = ctx.globals.output;
      code = reportError(io, err, { json: format === 'json' || format === 'ndjson', debug: false, quiet: ctx.globals.quiet });
      if (io !== ctx.io) ctx.io.stderr.write(io.err());
    }
  } finally {
    await ctx?.cleanup();
  }
  ctx ??= testContext(o);
  return { code, out: ctx.io.out(), err: commanderErr + ctx.io.err(), ctx };
}
