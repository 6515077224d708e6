#!/usr/bin/env node
// Tiny launcher for the bundled build in dist/ (made by `npm run build`, and by `npm ci` through `prepare`).
const args = process.argv.slice(2);
if (args[0] === '__profiles') {
  // Shell completion asks for profile names on every Tab: answer without loading the CLI.
  const { printProfileNames } = await import('../dist/profiles.js');
  printProfileNames();
} else if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  // Scripts ask for the version often; it needs nothing but the version.
  const { versionLine } = await import('../dist/version.js');
  process.stdout.write(`${versionLine()}\n`);
} else {
  const { loadCli } = await import('./load.js');
  const code = await loadCli().cli.main(args);
  // All output is written and every file closed by now; exit rather than wait
  // for idle timers in libraries (undici keeps one for ~100 ms).
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}
