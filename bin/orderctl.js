#!/usr/bin/env node
// Tiny launcher for the bundled build in dist/ (made by `npm run build`, and by `npm ci` through `prepare`).
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2));
