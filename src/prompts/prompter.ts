// Prompts go through this interface so tests can answer them, and so a
// command never prompts when there is no terminal (IO.canPrompt).

export interface Prompter {
  confirm(message: string, defaultValue?: boolean): Promise<boolean>;
  input(message: string, opts?: { validate?: (value: string) => string | true; default?: string }): Promise<string>;
  password(message: string): Promise<string>;
}

/** The real prompts, on @inquirer/prompts; imported only when a command asks. */
export async function inquirerPrompter(): Promise<Prompter> {
  const p = await import('@inquirer/prompts');
  // Prompts write to stderr, keeping stdout for data.
  const ctx = { output: process.stderr };
  return {
    confirm: (message, defaultValue = false) => p.confirm({ message, default: defaultValue }, ctx),
    input: (message, o = {}) => p.input({ message, default: o.default, validate: o.validate }, ctx),
    password: (message) => p.password({ message, mask: '*' }, ctx),
  };
}

/** Answers from a list, in order; fails the test if asked more than it knows. */
export function scriptedPrompter(answers: Array<string | boolean>): Prompter & { asked: string[] } {
  const asked: string[] = [];
  const next = (message: string) => {
    asked.push(message);
    if (answers.length === 0) throw new Error(`unexpected prompt: ${message}`);
    return answers.shift()!;
  };
  return {
    asked,
    confirm: async (m) => Boolean(next(m)),
    input: async (m) => String(next(m)),
    password: async (m) => String(next(m)),
  };
}
