#!/usr/bin/env node
// Tiny launcher for the bundled build in dist/ (made by `npm run build`, and by `npm ci` through `prepare`).
if (process.argv[2] === '__profiles') {
  // Shell completion asks for profile names on every Tab: answer without loading the CLI.
  const { printProfileNames } = await import('../dist/profiles.js');
  printProfileNames();
} else {
  const { main } = await import('../dist/cli.js');
  process.exitCode = await main(process.argv.slice(2));
}
