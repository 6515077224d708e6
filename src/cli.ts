// Builds the command tree and runs it. The only module (with bin/) that knows
// about process.exit; every command gets its world from the Context.

import { setMaxListeners } from 'node:events';
import { readFile } from 'node:fs/promises';
import { Command, CommanderError, Option, type OutputConfiguration } from 'commander';
import { versionLine } from './version.js';
import { defaultGlobals, OUTPUT_FORMATS, type Context, type GlobalOptions, type OutputFormat } from './core/context.js';
import { ApiError, DryRunStop, dryRunNote, errorBody, ExitCode, Halted, InterruptedError, isOrderctlError, UsageError } from './core/errors.js';
// Small modules every command needs: part of cli.js, since each chunk file
// costs a resolve, a read and a compile (about 1 ms apiece on Node 20).
import { flushStdout, processIO, type IO } from './core/io.js';
import { systemClock } from './core/clock.js';
import { parseDuration } from './core/time.js';
import { parseFieldList } from './output/fields.js';
import { jsonLine, safeCell } from './output/text.js';
import { errorsAsJson, jsonErrors } from './output/formats.js';
import { DEFAULT_HTTP, HttpClient, parseByteSize } from './core/http.js';
import type { Wait } from './core/rate-limit.js';
import { registerOrders } from './commands/orders/index.js';
import { registerProfile } from './commands/profile/index.js';
import { registerSandbox } from './commands/sandbox/index.js';
import { registerCompletion } from './commands/completion/index.js';
import { registerApi } from './commands/api/index.js';
import { registerSchema } from './commands/schema/index.js';
import { registerCart } from './commands/cart/index.js';
import { registerCheckout } from './commands/checkout/index.js';
import { registerShipping } from './commands/shipping/index.js';
import type { Action, Runner } from './commands/runner.js';
import { helpSettings } from './commands/help.js';

/** How a command's action reaches its Context: real in main(), fake in tests. */
export type ContextFactory = (globals: GlobalOptions) => Context;

/** The platforms `--sandbox PLATFORM` accepts (platforms/index.ts is not loaded before a command runs). */
export const SANDBOX_PLATFORMS: readonly string[] = ['bigcommerce', 'squarespace', 'cscart', 'outshifter'];

/** The nouns, in the order help lists them. */
const NOUNS: Array<{ name: string; description: string; verbs: (noun: Command, run: Runner) => void }> = [
  { name: 'profile', description: 'manage the stores orderctl talks to', verbs: registerProfile },
  { name: 'orders', description: 'list, inspect and change orders', verbs: registerOrders },
  { name: 'cart', description: "build a shopper's cart (outshifter)", verbs: registerCart },
  { name: 'checkout', description: 'check a cart out: addresses, shipping, payment (outshifter)', verbs: registerCheckout },
  { name: 'shipping', description: 'shipping rates (outshifter)', verbs: registerShipping },
  { name: 'sandbox', description: "run the built-in sandbox: a local server that speaks each platform's API", verbs: registerSandbox },
];

/**
 * The nouns whose verbs a command line needs: those it names. Building the
 * rest of the tree would cost every run a few milliseconds, and only help and
 * completion scripts show it (`completion` builds it all). A word that is an
 * option's value and happens to be a noun only adds that noun's verbs.
 */
export function nounsNamed(argv: string[]): string[] | undefined {
  if (argv.includes('completion')) return undefined;
  return NOUNS.map((n) => n.name).filter((name) => argv.includes(name));
}

/** The command tree; `only` limits which nouns get their verbs (all when absent). */
export function buildProgram(makeContext: ContextFactory, only?: string[]): Command {
  const program = new Command('orderctl')
    .description('Administer e-commerce orders on BigCommerce, Squarespace, CS-Cart and Outshifter from the command line.')
    .version(versionLine(), '-v, --version', 'print the version of orderctl and Node.js')
    .option('-p, --profile <name>', 'profile to use; several as a,b or repeated -p (default: ORDERCTL_PROFILE, then the current profile)', collectProfiles)
    .option('--all-profiles', 'run on every configured store (orders list, get, count, export, status)')
    .addOption(new Option('-o, --output <format>', 'output format (default: table on a terminal, json otherwise)').choices(OUTPUT_FORMATS))
    .option('--fields <list>', 'comma-separated fields to print, dotted paths allowed (e.g. id,customer.email)')
    .option('--jq <expr>', 'filter the JSON output with a jq expression (results one a line, strings raw)')
    .option('--raw', "print the platform's own JSON instead of the normalized order")
    .option('--sandbox [platform]', 'run against the built-in sandbox, no credentials needed (platform: bigcommerce unless the command needs another)')
    .option('--debug', 'trace every request and response on stderr (secrets redacted)')
    .option('--no-color', 'turn off colour')
    .option('-q, --quiet', 'print nothing but data and errors')
    .option('-y, --yes', 'do not ask for confirmation')
    .option('--no-input', 'never prompt; fail instead when something is missing')
    .option('--timeout <duration>', 'network timeout per request, e.g. 30s, 2m', '30s')
    .option('--utc', 'show times in UTC in tables (default on a terminal: local time)')
    .option('--dry-run', 'print the changes a command would send (method, URL, body), and send none')
    .option('--excel', 'CSV output starts with a UTF-8 byte-order mark, so Excel shows accents and other scripts right')
    .addOption(new Option('--bom').hideHelp())
    .configureHelp(helpSettings)
    .showSuggestionAfterError(true)
    .exitOverride();

  const run: Runner = (action: Action) =>
    async function (this: Command) {
      const ctx = makeContext(parseGlobals(this.optsWithGlobals()));
      checkArgLengths(this.args);
      // Loaded only with --fields: each command's paths, checked before it sends anything.
      if (ctx.globals.fields) (await import('./commands/field-rules.js')).checkFields(ctx, this);
      if (ctx.globals.raw && ctx.globals.output === 'csv') (await import('./commands/field-rules.js')).checkRawCsv(ctx, this);
      if (ctx.globals.jq === undefined) return action(ctx, this);
      // jq (WebAssembly) loads only when asked for; a bad expression fails before any request.
      const { filterStdout } = await import('./output/jq.js');
      // NDJSON is -o ndjson, or an export's --format ndjson: filtered as it streams.
      const ndjson = ctx.globals.output === 'ndjson' || this.opts().format === 'ndjson';
      const filtered = await filterStdout(ctx.globals.jq, ctx.io, ndjson);
      ctx.io = filtered.io;
      // jq sees each line before the next request, and once it halts nothing more is read: a
      // command that stops cleanly (a bulk run) stops as on Ctrl-C, what is in flight finishing;
      // any other's next request is refused.
      let stopsCleanly = false;
      const onInterrupt = ctx.onInterrupt;
      ctx.onInterrupt = (fn) => {
        stopsCleanly = true;
        filtered.onHalt(fn);
        onInterrupt(fn);
      };
      ctx.beforeRequest(() => (stopsCleanly ? filtered.settle() : filtered.beforeRequest()));
      try {
        await action(ctx, this);
      } catch (err) {
        // Stopped by jq's halt, or failed after it: jq ended first, and its exit code is the run's.
        if (!filtered.halted) {
          // Both failed: jq's error is told first, so the command's is the last line and sets the exit code.
          const jqFailed = filtered.abandon();
          if (jqFailed) reportError(ctx.io, jqFailed, { json: jsonErrors(ctx), debug: false });
          throw err;
        }
      }
      filtered.end();
    };
  for (const noun of NOUNS) {
    const cmd = program.command(noun.name).description(noun.description);
    if (!only || only.includes(noun.name)) noun.verbs(cmd, run);
  }
  registerApi(program, run);
  registerSchema(program, run);
  registerCompletion(program, run);
  program.commands.forEach(function exitOverrideAll(c: Command) {
    c.exitOverride();
    c.commands.forEach(exitOverrideAll);
  });
  return program;
}

/** Commander copies output settings to subcommands only when they are created: set them on every one. */
export function configureOutputAll(cmd: Command, output: OutputConfiguration): void {
  cmd.configureOutput(output);
  cmd.commands.forEach((c) => configureOutputAll(c, output));
}

/** -p a,b -p c: every name once, in the order given. */
function collectProfiles(value: string, previous: string[] | undefined): string[] {
  const names = value.split(',').map((n) => n.trim());
  if (names.some((n) => n === '')) throw new UsageError(`invalid -p "${value}": give profile names separated by commas`);
  return [...new Set([...(previous ?? []), ...names])];
}

/**
 * `--sandbox` takes an optional platform, and commander gives an optional
 * value the next word whatever it is (`--sandbox orders list`): a word that
 * is not a platform stays a word.
 */
export function separateSandboxValue(argv: string[], platforms: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') return [...out, ...argv.slice(i)];
    if (a === '--sandbox') {
      const next = argv[i + 1];
      if (next !== undefined && platforms.includes(next)) {
        out.push(`--sandbox=${next}`);
        i++;
      } else out.push('--sandbox=');
      continue;
    }
    out.push(a);
  }
  return out;
}

export function parseGlobals(o: Record<string, unknown>): GlobalOptions {
  const env = process.env;
  const profiles = (o.profile as string[] | undefined) ?? [];
  const sandbox = o.sandbox !== undefined && o.sandbox !== false;
  const sandboxPlatform = typeof o.sandbox === 'string' && o.sandbox !== '' ? o.sandbox : undefined;
  if (sandbox && (profiles.length || o.allProfiles)) {
    throw new UsageError(`--sandbox and ${profiles.length ? '-p' : '--all-profiles'} cannot be used together: the sandbox is a store of its own`, {
      hint: 'drop --sandbox to use your profiles, or -p to use the sandbox',
    });
  }
  if (profiles.length && o.allProfiles) throw new UsageError('-p and --all-profiles cannot be used together');
  if (sandboxPlatform && !SANDBOX_PLATFORMS.includes(sandboxPlatform)) {
    throw new UsageError(`unknown sandbox platform "${sandboxPlatform}": use one of ${SANDBOX_PLATFORMS.join(', ')}`);
  }
  const output = o.output as OutputFormat | undefined;
  const jq = typeof o.jq === 'string' ? o.jq : undefined;
  if (jq !== undefined && output && output !== 'json' && output !== 'ndjson') {
    throw new UsageError(`--jq filters JSON: it cannot be used with -o ${output}`, { hint: 'use -o json (the default with --jq) or -o ndjson' });
  }
  return {
    ...defaultGlobals(),
    profile: profiles.length === 1 ? profiles[0] : undefined,
    profiles,
    allProfiles: Boolean(o.allProfiles),
    // --jq reads JSON, so it is the output even on a terminal.
    output: output ?? (jq !== undefined ? 'json' : undefined),
    jq,
    fields: typeof o.fields === 'string' ? parseFieldList(o.fields) : undefined,
    raw: Boolean(o.raw),
    sandbox,
    sandboxPlatform,
    debug: Boolean(o.debug) || (env.ORDERCTL_DEBUG !== undefined && env.ORDERCTL_DEBUG !== '' && env.ORDERCTL_DEBUG !== '0'),
    quiet: Boolean(o.quiet),
    yes: Boolean(o.yes),
    input: o.input !== false,
    color: o.color !== false,
    utc: Boolean(o.utc),
    excel: Boolean(o.excel) || Boolean(o.bom),
    dryRun: Boolean(o.dryRun),
    timeoutMs: parseTimeout(String(o.timeout ?? '30s')),
  };
}

// Node's timers hold at most 24.8 days; a request that may take a day has hung.
const MAX_TIMEOUT_MS = 86_400_000;

function parseTimeout(value: string): number {
  const ms = parseDuration(value);
  if (ms > MAX_TIMEOUT_MS) throw new UsageError(`--timeout may be at most 24h, not "${value}"`);
  return ms;
}

/** Longer than any id, path or value a command takes: a bigger argument would only make a huge error line. */
const MAX_ARG_LENGTH = 4096;

function checkArgLengths(args: readonly string[]): void {
  const long = args.find((a) => a.length > MAX_ARG_LENGTH);
  if (long !== undefined) throw new UsageError(`an argument of ${long.length} characters ("${safeCell(long.slice(0, 20))}…"); at most ${MAX_ARG_LENGTH}`);
}

/**
 * Reports an error on stderr. For people: `error: …` and often `hint: …`. For
 * scripts (JSON or NDJSON output, stderr not a terminal): exactly one JSON
 * line, `{"error":{code,message,hint,status,store}}`, so `2>&1 >/dev/null | jq` works.
 */
export function reportError(io: IO, err: unknown, opts: { json: boolean; debug: boolean; quiet?: boolean; store?: string }): number {
  // A change printed instead of sent ends the command (orders create, update, api): no error, but said, as a bulk dry run says it.
  if (err instanceof DryRunStop) {
    if (!opts.quiet) io.stderr.write(dryRunNote());
    return ExitCode.ok;
  }
  if (err instanceof Halted) return err.exitCode;
  const known = isOrderctlError(err);
  if (opts.json) {
    io.stderr.write(`${jsonLine({ error: errorBody(err, opts.store) })}\n`);
  } else {
    const body = errorBody(err);
    // Messages quote servers (error bodies): one line, and nothing a terminal would obey.
    io.stderr.write(`error: ${safeCell(body.message)}\n`);
    if (body.hint) io.stderr.write(`hint: ${safeCell(body.hint)}\n`);
  }
  const e = err as Error;
  if (opts.debug) {
    const trace = known ? (err.cause as Error | undefined)?.stack ?? (err.cause ? String(err.cause) : undefined) : e?.stack;
    if (trace) io.stderr.write(`${trace}\n`);
  } else if (!known && !opts.json) io.stderr.write('hint: this looks like a bug in orderctl; run again with --debug for details\n');
  return known ? err.exitCode : ExitCode.failed;
}

/** The -o/--output value among the words, if any (valid or not: commander judges that). */
function outputFlag(argv: string[]): OutputFormat | undefined {
  let value: string | undefined;
  argv.forEach((a, i) => {
    if (a === '-o' || a === '--output') value = argv[i + 1];
    else if (a.startsWith('--output=')) value = a.slice('--output='.length);
    else if (/^-o[a-z]/.test(a)) value = a.slice(2);
  });
  return value as OutputFormat | undefined;
}

/** Runs the CLI with the given argv (without node and script); returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const controller = new AbortController();
  // Every request and wait of a bulk run listens for an interruption on this one signal.
  setMaxListeners(0, controller.signal);
  // What cron, systemd and `timeout` send (TERM), a closed terminal (HUP) and
  // Ctrl-C (INT) take one path: finish or abandon cleanly, report, remove temp
  // files, exit 128 + the signal's number.
  let signalled: Signal | undefined;
  let signals = 0;
  const gentle: Array<() => void> = [];
  const onSignal = (name: Signal) => {
    signals++;
    signalled ??= name;
    // A second one means now: atomic writes mean nothing half-written is left, and the exit hook removes temp files.
    if (signals > 1) process.exit(128 + SIGNALS[signalled]);
    if (gentle.length) gentle.forEach((fn) => fn());
    else controller.abort();
  };
  const listeners = SIGNAL_NAMES.map((name) => [name, () => onSignal(name)] as const);
  for (const [name, fn] of listeners) process.on(name, fn);
  // A reader that stops early (`orderctl … | head`) is not an error, unless the
  // output is a whole (`orders export --out -`): then it was cut short.
  let stdoutMustComplete = false;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') return;
    if (!stdoutMustComplete) process.exit(ExitCode.ok);
    const code = reportError(io, new ApiError('standard output was closed before the export was complete'), { json: false, debug: false });
    process.exit(code);
  });

  const defers: Array<() => Promise<void> | void> = [];
  let io: IO = processIO({ noColorFlag: argv.includes('--no-color'), noInput: argv.includes('--no-input') });
  let globals: GlobalOptions = defaultGlobals();
  // `orderctl help orders list` is `orderctl orders list --help` (commander's own help command stops at one level).
  const args = separateSandboxValue(argv[0] === 'help' && argv.length > 1 ? [...argv.slice(1), '--help'] : argv, SANDBOX_PLATFORMS);
  let globalsRead = false;
  const program = buildProgram((g) => {
    globals = g;
    globalsRead = true;
    io = processIO({ noColorFlag: !g.color, noInput: !g.input });
    const ctx = makeRealContext(g, io, controller.signal, systemClock, defers, gentle);
    return { ...ctx, stdoutMustComplete: () => void (stdoutMustComplete = true) };
  }, nounsNamed(args));
  // Commander's own errors come before the globals are parsed: read -o from the words.
  const usageJson = () => errorsAsJson(io, outputFlag(args), args.includes('--raw'));
  const USAGE_HINT = 'see "orderctl --help" or "orderctl COMMAND --help"';
  configureOutputAll(program, {
    writeOut: (s) => process.stdout.write(s),
    writeErr: (s) => process.stderr.write(s),
    outputError: (s, write) => {
      if (!usageJson()) return write(s.startsWith('error:') ? s : `error: ${s}`);
      const message = s.replace(/^error:\s*/, '').trim();
      write(`${JSON.stringify({ error: { code: 'usage_error', message, hint: USAGE_HINT, status: null, store: null } })}\n`);
    },
  });

  let code: number = ExitCode.ok;
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      code = err.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
      if (code === ExitCode.usage && !/--help/.test(err.message) && !usageJson()) process.stderr.write(`hint: ${USAGE_HINT}\n`);
    } else {
      const e = signalled && (!isOrderctlError(err) || err instanceof InterruptedError) ? interruptedBy(signalled) : err;
      // Global options refused (-p "a,", --sandbox with -p) leave the defaults: -o read from the words, as for commander's errors.
      const json = globalsRead ? errorsAsJson(io, globals.output, globals.raw) : usageJson();
      code = reportError(io, e, { json, debug: globals.debug, quiet: globals.quiet });
    }
  } finally {
    for (const fn of defers.reverse()) await Promise.resolve(fn()).catch(() => undefined);
    for (const [name, fn] of listeners) process.off(name, fn);
    // The last batch of stdout, before bin/orderctl.js waits for the streams to drain.
    flushStdout();
  }
  if (signalled && (code === ExitCode.ok || code === ExitCode.interrupted)) code = 128 + SIGNALS[signalled];
  return code;
}

type Signal = 'SIGINT' | 'SIGHUP' | 'SIGTERM';
const SIGNALS: Record<Signal, number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
const SIGNAL_NAMES = Object.keys(SIGNALS) as Signal[];

function interruptedBy(name: Signal): InterruptedError {
  return new InterruptedError(name === 'SIGINT' ? 'interrupted' : `interrupted by ${name}`, 128 + SIGNALS[name]);
}

function makeRealContext(
  globals: GlobalOptions,
  io: IO,
  signal: AbortSignal,
  clock: Context['clock'],
  defers: Array<() => Promise<void> | void>,
  gentle: Array<() => void>,
): Context {
  let config: ReturnType<Context['config']> | undefined;
  const debug = (line: string) => {
    if (globals.debug) io.stderr.write(`[debug] ${line}\n`);
  };
  const waitListeners: Array<(w: Wait) => void> = [];
  const requestChecks: Array<() => void> = [];
  return {
    io,
    env: process.env,
    clock,
    random: Math.random,
    signal,
    globals,
    config: async () => (config ??= import('./core/config.js').then((m) => m.openConfig(process.env))),
    // http.ts loads undici itself, on the first request.
    http: (platform) => {
      const client = new HttpClient(platform, {
        ...DEFAULT_HTTP,
        maxBodyBytes: process.env.ORDERCTL_MAX_BODY ? parseByteSize(process.env.ORDERCTL_MAX_BODY, 'ORDERCTL_MAX_BODY') : DEFAULT_HTTP.maxBodyBytes,
        timeoutMs: globals.timeoutMs,
        clock,
        random: Math.random,
        signal,
        env: process.env,
        debug: globals.debug ? debug : undefined,
        dryRun: globals.dryRun ? (request) => io.stdout.write(request) : undefined,
        onWait: (w) => waitListeners.forEach((l) => l(w)),
        beforeRequest: () => requestChecks.forEach((check) => check()),
      });
      defers.push(() => client.close());
      return client;
    },
    prompter: async () => (await import('./prompts/prompter.js')).inquirerPrompter({ color: globals.color }),
    readFile: (file) => readFile(file, 'utf8'),
    createAtomicFile: async (file) => (await import('./core/atomic-file.js')).createAtomicFile(file),
    onInterrupt: (fn) => gentle.push(fn),
    stdoutMustComplete: () => undefined,
    defer: (fn) => defers.push(fn),
    debug,
    onWait: (fn) => waitListeners.push(fn),
    beforeRequest: (check) => requestChecks.push(check),
  };
}
