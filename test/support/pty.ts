// A small expect-like driver for running the built binary on a real
// pseudo-terminal, so prompts (@inquirer/prompts) can be answered as a person
// would. It drives util-linux `script` (preferred) or tmux, whichever exists;
// PTY_UNAVAILABLE says why neither can be used, for describe.skipIf.
//
//   const t = spawnPty(['checkout', 'update', ID], { env });
//   await t.expect('E-mail');
//   t.answer('jane@example.com');
//   expect(await t.exited).toBe(0);

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BIN } from './cli.js';

function has(tool: string, args: string[]): boolean {
  try {
    execFileSync(tool, args, { stdio: 'ignore', timeout: 5_000 });
    return true;
  } catch {
    return false;
  }
}

/** Which tool drives the terminal: ORDERCTL_TEST_PTY=script|tmux picks one, else the first found. */
export const PTY_TOOL: 'script' | 'tmux' | undefined = (() => {
  const wanted = process.env.ORDERCTL_TEST_PTY;
  const script = (wanted === undefined || wanted === 'script') && has('script', ['--version']);
  if (script) return 'script';
  const tmux = (wanted === undefined || wanted === 'tmux') && has('tmux', ['-V']);
  return tmux ? 'tmux' : undefined;
})();

export const PTY_UNAVAILABLE: string | undefined = PTY_TOOL
  ? undefined
  : process.env.ORDERCTL_TEST_PTY
    ? `ORDERCTL_TEST_PTY=${process.env.ORDERCTL_TEST_PTY} is not an installed tool (script or tmux): no way to give the binary a pseudo-terminal`
    : 'neither util-linux `script` nor `tmux` is installed: no way to give the binary a pseudo-terminal';

/** CSI / OSC / other escape sequences, and the carriage returns of a terminal. */
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]|\r/g;

export function stripAnsi(s: string): string {
  return s.replace(ANSI, '');
}

/** One word for sh -c. */
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export interface PtyOptions {
  env?: Record<string, string | undefined>;
  /** Terminal size; wide, so prompts never wrap. */
  cols?: number;
  rows?: number;
  /** Default for expect(). */
  timeoutMs?: number;
  /** The session is killed after this long, whatever happens (default 20 s). */
  killAfterMs?: number;
}

export interface PtySession {
  /**
   * Waits until the output after the last match contains `text` (ANSI
   * stripped); resolves with the output up to and including it. Rejects
   * after the timeout, or if the program exits first, showing what it printed.
   */
  expect(text: string | RegExp, timeoutMs?: number): Promise<string>;
  /** Raw bytes to the terminal. */
  write(data: string): void;
  /** The answer followed by Enter. */
  answer(text: string): void;
  /** Everything printed so far, ANSI stripped. */
  output(): string;
  /** Everything printed so far, as the terminal got it (colours and cursor moves included). */
  raw(): string;
  /** The program's exit code. */
  exited: Promise<number | null>;
  kill(): void;
}

/** Runs `orderctl ARGS…` (the built binary) on a fresh pseudo-terminal. */
export function spawnPty(args: string[], opts: PtyOptions = {}): PtySession {
  if (!PTY_TOOL) throw new Error(PTY_UNAVAILABLE);
  const cols = opts.cols ?? 200;
  const rows = opts.rows ?? 50;
  const env: Record<string, string> = {};
  // A clean environment, as test/support/cli.ts gives: no proxies, no real profile.
  for (const [k, v] of Object.entries({ PATH: process.env.PATH, HOME: process.env.HOME, TERM: 'xterm-256color', ...opts.env })) if (v !== undefined) env[k] = v;
  const command = `stty cols ${cols} rows ${rows} 2>/dev/null; exec ${[process.execPath, BIN, ...args].map(quote).join(' ')}`;
  const driver = PTY_TOOL === 'script' ? scriptDriver(command, env) : tmuxDriver(command, env, cols, rows);

  let raw = '';
  let cursor = 0;
  let done = false;
  const waiters = new Set<() => void>();
  const wake = () => waiters.forEach((w) => w());
  driver.onData((d) => {
    raw += d;
    wake();
  });
  const killer = setTimeout(() => driver.kill(), opts.killAfterMs ?? 20_000);
  const exited = driver.exited.then((code) => {
    clearTimeout(killer);
    done = true;
    wake();
    return code;
  });

  const output = () => stripAnsi(raw);
  return {
    output,
    raw: () => raw,
    exited,
    write: (data) => driver.write(data),
    answer: (text) => driver.write(`${text}\r`),
    kill: () => driver.kill(),
    expect(text, timeoutMs = opts.timeoutMs ?? 8_000) {
      return new Promise<string>((resolve, reject) => {
        const check = () => {
          const out = output();
          const rest = out.slice(cursor);
          const at = typeof text === 'string' ? rest.indexOf(text) : rest.search(text);
          if (at >= 0) {
            const len = typeof text === 'string' ? text.length : (rest.slice(at).match(text)?.[0].length ?? 0);
            cursor += at + len;
            finish();
            resolve(out.slice(0, cursor));
          } else if (done) {
            finish();
            reject(new Error(`the program exited before printing ${JSON.stringify(String(text))}; it printed:\n${rest}`));
          }
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`no ${JSON.stringify(String(text))} within ${timeoutMs} ms; after the last match it printed:\n${output().slice(cursor)}`));
        }, timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
  };
}

interface Driver {
  onData(fn: (d: string) => void): void;
  write(data: string): void;
  exited: Promise<number | null>;
  kill(): void;
}

/** util-linux script: -q quiet, -f flush each write, -e the command's exit code, -c the command; no typescript file. */
function scriptDriver(command: string, env: Record<string, string>): Driver {
  const child: ChildProcess = spawn('script', ['-qfec', command, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  const listeners: Array<(d: string) => void> = [];
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (d: string) => listeners.forEach((l) => l(d)));
  child.stderr!.on('data', () => {});
  const exited = new Promise<number | null>((resolve) => {
    child.on('close', (code) => resolve(code));
    child.on('error', () => resolve(null));
  });
  return {
    onData: (fn) => listeners.push(fn),
    write: (data) => {
      if (child.stdin!.writable) child.stdin!.write(data);
    },
    exited,
    kill: () => {
      // The whole group: script and the program on its terminal.
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    },
  };
}

/**
 * tmux on a private socket: the program waits for the output pipe to be
 * attached before it starts, its exit code goes to a file, and keys are sent
 * literally with send-keys -l.
 */
function tmuxDriver(command: string, env: Record<string, string>, cols: number, rows: number): Driver {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orderctl-pty-'));
  const sock = path.join(dir, 'sock');
  const out = path.join(dir, 'out');
  const go = path.join(dir, 'go');
  const rc = path.join(dir, 'rc');
  fs.writeFileSync(out, '');
  const tmux = (...a: string[]) => execFileSync('tmux', ['-S', sock, ...a], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const inner = `while [ ! -e ${quote(go)} ]; do sleep 0.02; done; ${command.replace(/^(.*?); exec /, '$1; ')}; echo $? > ${quote(rc)}`;
  tmux('new-session', '-d', '-s', 'pty', '-x', String(cols), '-y', String(rows), `sh -c ${quote(inner)}`);
  tmux('pipe-pane', '-t', 'pty', `cat >> ${quote(out)}`);
  fs.writeFileSync(go, '');
  const listeners: Array<(d: string) => void> = [];
  let read = 0;
  let gone = false;
  const exited = new Promise<number | null>((resolve) => {
    const poll = setInterval(() => {
      const buf = fs.readFileSync(out);
      if (buf.length > read) {
        const d = buf.subarray(read).toString('utf8');
        read = buf.length;
        listeners.forEach((l) => l(d));
      }
      if (fs.existsSync(rc) || gone) {
        clearInterval(poll);
        const code = fs.existsSync(rc) ? Number(fs.readFileSync(rc, 'utf8').trim()) : null;
        try {
          tmux('kill-server');
        } catch {
          // already gone
        }
        fs.rmSync(dir, { recursive: true, force: true });
        resolve(code);
      }
    }, 25);
  });
  return {
    onData: (fn) => listeners.push(fn),
    write: (data) => {
      // Enter as its key, everything else literally.
      for (const part of data.split(/(\r)/)) {
        if (part === '\r') tmux('send-keys', '-t', 'pty', 'Enter');
        else if (part) tmux('send-keys', '-t', 'pty', '-l', part);
      }
    },
    exited,
    kill: () => {
      gone = true;
    },
  };
}
