import { describe, expect, it } from 'vitest';
import { afterBatch, BATCH_BYTES, batchedWriter, decideColor, decidePrompting, terminalColumns, type TerminalFacts } from '../../src/core/io.js';

const tty: TerminalFacts = { stdoutIsTTY: true, stderrIsTTY: true, stdinIsTTY: true, env: {}, noColorFlag: false, noInput: false };

describe('terminal decisions', () => {
  it('colours a terminal, not a pipe', () => {
    expect(decideColor(tty)).toBe(true);
    expect(decideColor({ ...tty, stdoutIsTTY: false })).toBe(false);
  });
  it('honours NO_COLOR, --no-color, TERM=dumb and FORCE_COLOR', () => {
    expect(decideColor({ ...tty, env: { NO_COLOR: '1' } })).toBe(false);
    expect(decideColor({ ...tty, noColorFlag: true })).toBe(false);
    expect(decideColor({ ...tty, env: { TERM: 'dumb' } })).toBe(false);
    expect(decideColor({ ...tty, stdoutIsTTY: false, env: { FORCE_COLOR: '1' } })).toBe(true);
    expect(decideColor({ ...tty, env: { FORCE_COLOR: '0' } })).toBe(true);
    expect(decideColor({ ...tty, noColorFlag: true, env: { FORCE_COLOR: '1' } })).toBe(false);
  });
  it('prompts only with a terminal on both ends and without --no-input', () => {
    expect(decidePrompting(tty)).toBe(true);
    expect(decidePrompting({ ...tty, stdinIsTTY: false })).toBe(false);
    expect(decidePrompting({ ...tty, stderrIsTTY: false })).toBe(false);
    expect(decidePrompting({ ...tty, noInput: true })).toBe(false);
  });
});

describe('stdout batch', () => {
  const recorder = (log: string[], name: string) => ({ write: (s: string | Uint8Array) => log.push(`${name}:${typeof s === 'string' ? s : Buffer.from(s).toString('utf8')}`) });
  const nextTurn = () => new Promise((r) => setImmediate(r));

  it('writes a synchronous burst as one write, on the next turn of the event loop', async () => {
    const log: string[] = [];
    const out = batchedWriter(recorder(log, 'out'));
    for (let i = 1; i <= 250; i++) out.write(`${i}\n`);
    await Promise.resolve();
    expect(log).toEqual([]);
    await nextTurn();
    expect(log).toHaveLength(1);
    expect(log[0]!.split('\n')).toHaveLength(251);
    out.write('later\n');
    await nextTurn();
    expect(log).toEqual([log[0], 'out:later\n']);
  });

  it('writes at once past BATCH_BYTES, and when flushed', () => {
    const log: string[] = [];
    const out = batchedWriter(recorder(log, 'out'));
    out.write('x'.repeat(BATCH_BYTES - 1));
    expect(log).toHaveLength(0);
    out.write('yy');
    expect(log).toHaveLength(1);
    out.write('z\n');
    out.flush();
    expect(log).toEqual([`out:${'x'.repeat(BATCH_BYTES - 1)}yy`, 'out:z\n']);
    out.flush();
    expect(log).toHaveLength(2);
  });

  it('keeps every character: Latin-1, CJK, emoji, a line longer than a batch', () => {
    const log: string[] = [];
    const out = batchedWriter(recorder(log, 'out'));
    const lines = ['Chloé Dubois\n', '李小龙\n', '📦 shipped\n', `${'é'.repeat(BATCH_BYTES)}\n`, 'ascii\n', `${'龙'.repeat(BATCH_BYTES)}\n`];
    for (const l of lines) out.write(l);
    out.flush();
    expect(log.map((l) => l.slice('out:'.length)).join('')).toBe(lines.join(''));
  });

  it('reuses its bytes only when the stream wrote the last batch at once', () => {
    const held: Uint8Array[] = [];
    const sink = { writableLength: 0, write: (c: Uint8Array) => held.push(c) };
    const out = batchedWriter(sink);
    out.write('first\n');
    out.flush();
    out.write('again\n');
    out.flush();
    // Written at once: the same memory serves the next batch.
    expect(held[0]!.buffer).toBe(held[1]!.buffer);
    // A stream that keeps the chunk: the next batch must not overwrite it.
    sink.writableLength = 7;
    out.write('kept\n');
    out.flush();
    out.write('later\n');
    out.flush();
    expect(Buffer.from(held[2]!).toString()).toBe('kept\n');
    expect(held[3]!.buffer).not.toBe(held[2]!.buffer);
  });

  it('writes what waits on stdout before anything on stderr', () => {
    const log: string[] = [];
    const out = batchedWriter(recorder(log, 'out'));
    const err = afterBatch(out, recorder(log, 'err'));
    out.write('1\n');
    out.write('2\n');
    err.write('error: page 2\n');
    err.write('hint: again\n');
    expect(log).toEqual(['out:1\n2\n', 'err:error: page 2\n', 'err:hint: again\n']);
  });
});

describe('terminalColumns', () => {
  it('takes the width the terminal reports, else COLUMNS when it is a width, else 80', () => {
    expect(terminalColumns(120, '60')).toBe(120);
    expect(terminalColumns(undefined, '60')).toBe(60);
    expect(terminalColumns(0, '60')).toBe(60);
    for (const bad of [undefined, '', 'wide', '0', '-5', '7.5']) expect(terminalColumns(undefined, bad)).toBe(80);
  });
});
