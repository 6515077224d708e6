// Runs the CLI in this process, then reports its peak memory (maxRSS, KiB) on
// stderr as the last line, for the benchmark harness.
import { main } from '../dist/cli.js';

const code = await main(process.argv.slice(2));
process.stderr.write(`\n@@bench ${JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS })}\n`);
process.exitCode = code;
