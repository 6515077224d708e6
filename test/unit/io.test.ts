import { describe, expect, it } from 'vitest';
import { decideColor, decidePrompting, type TerminalFacts } from '../../src/core/io.js';

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
