// Every failure orderctl reports is one of these; cli.ts turns them into an
// exit code and one line on stderr. The codes are the contract in DESIGN.md.

export const ExitCode = {
  ok: 0,
  failed: 1,
  usage: 2,
  auth: 3,
  notFound: 4,
  refused: 5,
  interrupted: 130,
} as const;

export interface ErrorDetails {
  hint?: string;
  status?: number; // HTTP status, when the error came from a response
  code?: string; // machine-readable code for `-o json` error objects
  cause?: unknown;
  /** The store (profile) the error came from, when a run involves one. */
  store?: string;
}

export class OrderctlError extends Error {
  readonly exitCode: number;
  readonly hint?: string;
  readonly status?: number;
  readonly code: string;
  store?: string;

  constructor(message: string, exitCode: number, code: string, details: ErrorDetails = {}) {
    super(message, { cause: details.cause });
    this.name = new.target.name;
    this.exitCode = exitCode;
    this.hint = details.hint;
    this.status = details.status;
    this.code = details.code ?? code;
    this.store = details.store;
  }
}

/**
 * The error of an order the input named with its store (STORE:ID, an NDJSON
 * "store"): an orderctl error names that store, in its JSON line, unless it
 * names one already.
 */
export function inStore(err: unknown, store: string | undefined): unknown {
  if (store !== undefined && isOrderctlError(err) && err.store === undefined) err.store = store;
  return err;
}

/** Operation failed: API error, network failure after retries, some bulk items failed. */
export class ApiError extends OrderctlError {
  constructor(message: string, details: ErrorDetails = {}) {
    super(message, ExitCode.failed, 'api_error', details);
  }
}

export class NetworkError extends OrderctlError {
  constructor(message: string, details: ErrorDetails = {}) {
    super(message, ExitCode.failed, 'network_error', details);
  }
}

/** Bad flag, bad date, bad file, or a command the platform does not offer. */
export class UsageError extends OrderctlError {
  constructor(message: string, details: ErrorDetails = {}) {
    super(message, ExitCode.usage, 'usage_error', details);
  }
}

export class UnsupportedError extends OrderctlError {
  constructor(what: string, platform: string, supportedBy: string[]) {
    const where = supportedBy.length ? `it is on: ${supportedBy.join(', ')}` : 'no platform offers it';
    super(`${what} is not available on ${platform}; ${where}`, ExitCode.usage, 'unsupported');
  }
}

export class AuthError extends OrderctlError {
  constructor(message: string, details: ErrorDetails = {}) {
    super(message, ExitCode.auth, 'auth_error', details);
  }
}

export class NotFoundError extends OrderctlError {
  constructor(message: string, details: ErrorDetails = {}) {
    super(message, ExitCode.notFound, 'not_found', details);
  }
}

/** Refused by the platform's rules (409/422), e.g. cancelling a shipped order. */
export class RefusedError extends OrderctlError {
  constructor(message: string, details: ErrorDetails = {}) {
    super(message, ExitCode.refused, 'refused', details);
  }
}

export class InterruptedError extends OrderctlError {
  /** exitCode: 128 + the signal's number (130 Ctrl-C, 129 SIGHUP, 143 SIGTERM). */
  constructor(message = 'interrupted', exitCode: number = ExitCode.interrupted) {
    super(message, exitCode, 'interrupted');
  }
}

/** --dry-run: a change was printed instead of sent. Not a failure. */
export class DryRunStop extends OrderctlError {
  constructor() {
    super('dry run: request not sent', ExitCode.ok, 'dry_run');
  }
}

/**
 * The line on stderr that ends a dry run which printed its requests, so a
 * reader of stdout alone is not left to guess whether they went out. `orders`:
 * how many orders a bulk run covered.
 */
export function dryRunNote(orders?: number): string {
  return `dry run: nothing was sent${orders === undefined ? '' : ` (${orders} order${orders === 1 ? '' : 's'})`}\n`;
}

/** jq's halt_error in --jq: its text is already on stderr, as jq prints it; the exit code is the one it gave. */
export class Halted extends OrderctlError {
  constructor(text: string, exitCode: number) {
    super(text, exitCode, 'jq_halt');
  }
}

export function isOrderctlError(err: unknown): err is OrderctlError {
  return err instanceof OrderctlError;
}

/** An error as scripts read it (`orderctl schema error`): the JSON line on stderr, and a bulk result's `error`. */
export interface ErrorBody {
  code: string;
  message: string;
  hint: string | null;
  status: number | null;
  store: string | null;
}

export function errorBody(err: unknown, store?: string): ErrorBody {
  if (isOrderctlError(err)) return { code: err.code, message: err.message, hint: err.hint ?? null, status: err.status ?? null, store: err.store ?? store ?? null };
  const e = err as Error;
  return { code: 'internal', message: e?.message ?? String(err), hint: null, status: null, store: store ?? null };
}
