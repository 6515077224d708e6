// Prompts go through this interface so tests can answer them, and so a
// command never prompts when there is no terminal (IO.canPrompt).

export interface Prompter {
  confirm(message: string, defaultValue?: boolean): Promise<boolean>;
  input(message: string, opts?: { validate?: (value: string) => string | true; default?: string }): Promise<string>;
  password(message: string): Promise<string>;
  select(message: string, choices: string[], defaultValue?: string): Promise<string>;
}

/** The real prompts, on @inquirer/prompts; imported only when a command asks. */
export async function inquirerPrompter(opts: { color: boolean } = { color: true }): Promise<Prompter> {
  // inquirer colours through yoctocolors, which reads NO_COLOR and FORCE_COLOR once, as it
  // loads: that is the only way --no-color reaches the questions.
  if (!opts.color) {
    process.env.NO_COLOR = '1';
    delete process.env.FORCE_COLOR;
  }
  const p = await import('@inquirer/prompts');
  const { InterruptedError } = await import('../core/errors.js');
  const { flushStdout } = await import('../core/io.js');
  // Prompts write to stderr, keeping stdout for data.
  const ctx = { output: process.stderr };
  // Ctrl-C at a prompt is an interruption (exit 130), not a failure.
  // The question is drawn on stderr when the prompt is made: stdout's batch goes out first.
  const ask = async <T>(prompt: () => Promise<T>): Promise<T> => {
    try {
      flushStdout();
      return await prompt();
    } catch (err) {
      if ((err as Error)?.name === 'ExitPromptError') throw new InterruptedError();
      throw err;
    }
  };
  return {
    confirm: (message, defaultValue = false) => ask(() => p.confirm({ message, default: defaultValue }, ctx)),
    input: (message, o = {}) => ask(() => p.input({ message, default: o.default, validate: o.validate }, ctx)),
    password: (message) => ask(() => p.password({ message, mask: '*' }, ctx)),
    select: (message, choices, defaultValue) => ask(() => p.select({ message, choices: choices.map((value) => ({ value })), default: defaultValue }, ctx)),
  };
}

/** Answers from a list, in order; fails the test if asked more than it knows. */
export function scriptedPrompter(answers: Array<string | boolean>): Prompter & { asked: string[]; refused: string[] } {
  const asked: string[] = [];
  /** What validation said of answers it refused; as inquirer does, the question is asked again. */
  const refused: string[] = [];
  const next = (message: string) => {
    asked.push(message);
    if (answers.length === 0) throw new Error(`unexpected prompt: ${message}`);
    return answers.shift()!;
  };
  return {
    asked,
    refused,
    confirm: async (m) => Boolean(next(m)),
    input: async (m, o = {}) => {
      for (;;) {
        const answer = String(next(m));
        const verdict = o.validate?.(answer) ?? true;
        if (verdict === true) return answer === '' && o.default !== undefined ? o.default : answer;
        refused.push(verdict);
      }
    },
    password: async (m) => String(next(m)),
    select: async (m, choices) => {
      const answer = String(next(m));
      if (!choices.includes(answer)) throw new Error(`"${answer}" is not one of the choices of "${m}": ${choices.join(', ')}`);
      return answer;
    },
  };
}
