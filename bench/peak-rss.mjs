// Preloaded (node --import) into each orderctl or bare-Node run the benchmark
// measures: reports the process's peak memory (maxRSS, KiB) on stderr at exit.
process.on('exit', () => {
  process.stderr.write(`\n@@bench ${JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS })}\n`);
});
