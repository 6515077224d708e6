// Builds dist/ with esbuild:
//   dist/orderctl.cjs        the CLI: src/ and its packages in one CommonJS bundle. Each
//                            module's code runs only when first imported (esbuild's lazy
//                            wrappers), so a command loads what it uses and nothing else.
//   dist/orderctl.cjs.cache  V8's code cache for it (scripts/code-cache.mjs; see bin/load.js)
//   dist/version.js, dist/profiles.js
//                            what the launcher answers without loading the CLI
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

// cli-table3 stays a package: it is CommonJS and required on first use (src/output/table.ts),
// so only commands that print a table load it. Everything else is bundled: the bundle is
// loaded through V8's code cache, where an import() of a package cannot run.
// jq-web too: its loader reads jq.wasm from its own directory, and only --jq requires it.
const EXTERNAL = ['cli-table3', 'jq-web'];

// Parts of bundled packages that orderctl never uses, but that load Node modules
// costing milliseconds on every start: required on first use instead. Each
// rewrite must match exactly once, so an upgrade that moves the text fails the build.
const LAZY = [
  {
    // HTTP/2 is never negotiated (allowH2 is off); client-h2.js loads node:http2, tls and crypto.
    file: /undici[\\/]lib[\\/]dispatcher[\\/]client\.js$/,
    from: "const connectH2 = require('./client-h2.js')",
    to: "const connectH2 = (...args) => require('./client-h2.js')(...args)",
  },
  {
    // Only for executable subcommands, which orderctl has none of.
    file: /commander[\\/]lib[\\/]command\.js$/,
    from: "const childProcess = require('node:child_process');",
    to: "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };",
  },
];
// The prompts src/prompts/prompter.ts asks with. esbuild cannot leave unused
// re-exports out of a module it loads lazily, so the others are cut from
// @inquirer/prompts' index here (the editor prompt alone brings 670 KB of
// character-set tables).
const PROMPTS = ['confirm', 'input', 'password', 'select'];
const onlyUsedPrompts = {
  name: 'only-used-prompts',
  setup(b) {
    b.onLoad({ filter: /@inquirer[\\/]prompts[\\/]dist[\\/]esm[\\/]index\.js$/ }, ({ path }) => {
      const lines = readFileSync(path, 'utf8').split('\n').filter((l) => PROMPTS.some((name) => l.includes(`default as ${name} `)));
      if (lines.length !== PROMPTS.length) throw new Error(`only-used-prompts: ${path} no longer exports ${PROMPTS.join(', ')} one a line`);
      return { contents: lines.join('\n'), loader: 'js' };
    });
  },
};
const lazyRequires = {
  name: 'lazy-requires',
  setup(b) {
    for (const { file, from, to } of LAZY) {
      b.onLoad({ filter: file }, ({ path }) => {
        const text = readFileSync(path, 'utf8');
        if (text.split(from).length !== 2) throw new Error(`lazy-requires: ${path} no longer has: ${from}`);
        return { contents: text.replace(from, to), loader: 'js' };
      });
    }
  },
};

/**
 * V8 reads a source that is all ASCII as one byte a character, and faster (a
 * two-byte copy of this bundle took 12 ms more to read). esbuild escapes
 * non-ASCII text in code (charset ascii, its default); what it leaves is in
 * comments, escaped here the same way.
 */
function asciiOnly(file) {
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: 'linked', logLevel: 'warning' };
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  ...common,
  entryPoints: { orderctl: 'src/cli.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  external: EXTERNAL,
  // The one import.meta.url in src/ (table.ts's createRequire), as CommonJS has it.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [lazyRequires, onlyUsedPrompts],
  // Licence comments go to orderctl.cjs.LEGAL.txt.
  legalComments: 'linked',
});
asciiOnly('dist/orderctl.cjs');
await build({
  ...common,
  entryPoints: { profiles: 'src/completion/profiles.ts', version: 'src/version.ts' },
  outdir: 'dist',
  format: 'esm',
});
execFileSync(process.execPath, [new URL('./code-cache.mjs', import.meta.url).pathname], { stdio: ['ignore', 'ignore', 'inherit'] });
