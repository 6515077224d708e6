// Preloaded (node --import) into each orderctl or bare-Node run the benchmark
// measures: reports the process's peak memory (maxRSS, KiB) and the CPU time
// of all its threads (µs) on stderr at exit.
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(`\n@@bench ${JSON.stringify({ maxRssKiB: u.maxRSS, cpuMicros: u.userCPUTime + u.systemCPUTime })}\n`);
});
