// The README's examples, run as written. In the sections named below, a
// ```console block holds `$ orderctl …` lines (a pipe into another orderctl
// command allowed), each followed by what it prints on stdout; "…" stands for
// any text, and `# exit N` after a command is the exit code it must end with.

import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { orderctl } from '../support/cli.js';
import { tempConfigDir } from '../support/tmp.js';

const README = fs.readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

interface Example {
  command: string;
  exit: number;
  expected: string[];
}

/** The `$` examples of one `## ` section. */
export function sectionExamples(title: string): Example[] {
  const start = README.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`README has no section "${title}"`);
  const end = README.indexOf('\n## ', start + 1);
  const text = README.slice(start, end < 0 ? undefined : end);
  const examples: Example[] = [];
  for (const block of text.matchAll(/```console\n([\s\S]*?)```/g)) {
    for (const line of block[1]!.split('\n')) {
      if (line.startsWith('$ ')) {
        const m = /^\$ (.*?)(?:\s+# exit (\d+))?$/.exec(line)!;
        examples.push({ command: m[1]!, exit: Number(m[2] ?? 0), expected: [] });
      } else if (line !== '' && examples.length) examples.at(-1)!.expected.push(line);
    }
  }
  return examples;
}

/** Shell words: '…' and "…" quoting (with \\ escapes in double quotes), and | between commands. */
export function shellWords(command: string): string[][] {
  const commands: string[][] = [[]];
  let word: string | undefined;
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (c === "'") {
      const close = command.indexOf("'", i + 1);
      word = (word ?? '') + command.slice(i + 1, close);
      i = close;
    } else if (c === '"') {
      let j = i + 1;
      let text = '';
      for (; command[j] !== '"'; j++) text += command[j] === '\\' ? command[++j] : command[j];
      word = (word ?? '') + text;
      i = j;
    } else if (c === ' ') {
      if (word !== undefined) commands.at(-1)!.push(word);
      word = undefined;
    } else if (c === '|' && word === undefined) {
      commands.push([]);
    } else word = (word ?? '') + c;
  }
  if (word !== undefined) commands.at(-1)!.push(word);
  return commands;
}

function matches(actual: string[], expected: string[]): boolean {
  if (actual.length !== expected.length) return false;
  return expected.every((e, i) => new RegExp(`^${e.split('…').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(actual[i]!));
}

async function runExample(ex: Example, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let input = '';
  let last = { code: 0 as number | null, stdout: '', stderr: '' };
  for (const words of shellWords(ex.command)) {
    if (words[0] !== 'orderctl') throw new Error(`only orderctl commands run here: ${ex.command}`);
    last = await orderctl(words.slice(1), { env, input, timeoutMs: 30_000 });
    input = last.stdout;
  }
  return last;
}

describe('README: Scripting', { timeout: 60_000 }, () => {
  let cfg: ReturnType<typeof tempConfigDir>;
  beforeAll(() => {
    cfg = tempConfigDir();
  });
  afterAll(() => cfg.remove());

  const examples = sectionExamples('Scripting');
  it('has examples', () => expect(examples.length).toBeGreaterThan(5));
  it.each(examples.map((e) => [e.command, e] as const))('%s', async (_, ex) => {
    const r = await runExample(ex, { ORDERCTL_CONFIG_DIR: cfg.dir });
    expect(r.code, r.stderr).toBe(ex.exit);
    const actual = r.stdout.split('\n').filter((l) => l !== '');
    expect(matches(actual, ex.expected), `stdout:\n${r.stdout}`).toBe(true);
  });
});

describe('README: Several stores', { timeout: 60_000 }, () => {
  let cfg: ReturnType<typeof tempConfigDir>;
  let sandbox: Sandbox;
  beforeAll(async () => {
    cfg = tempConfigDir();
    sandbox = await startSandbox({});
    const env = { ORDERCTL_CONFIG_DIR: cfg.dir };
    for (const [name, platform] of [['shop-eu', 'bigcommerce'], ['shop-us', 'squarespace']] as const) {
      const r = await orderctl(['profile', 'add', name, '--platform', platform, '--base-url', sandbox.baseUrls[platform]!, '--token-stdin'], { env, input: `${sandbox.token}\n` });
      expect(r.code, r.stderr).toBe(0);
    }
  });
  afterAll(async () => {
    await sandbox.close();
    cfg.remove();
  });

  const examples = sectionExamples('Several stores');
  it('has examples', () => expect(examples.length).toBeGreaterThan(2));
  it.each(examples.map((e) => [e.command, e] as const))('%s', async (_, ex) => {
    const r = await runExample(ex, { ORDERCTL_CONFIG_DIR: cfg.dir });
    expect(r.code, r.stderr).toBe(ex.exit);
    const actual = r.stdout.split('\n').filter((l) => l !== '');
    expect(matches(actual, ex.expected), `stdout:\n${r.stdout}`).toBe(true);
  });
});
