// Preloaded (node --import) into each orderctl or bare-Node run the benchmark
// measures: reports the process's peak memory (maxRSS, KiB), the CPU time of
// all its threads (µs) and, where Linux's /proc tells it, of its main thread
// alone (µs; JavaScript runs there, the garbage collector partly elsewhere)
// on stderr at exit.
import { mainThreadMicros } from './proc-cpu.mjs';

process.on('exit', () => {
  const u = process.resourceUsage();
  const report = { maxRssKiB: u.maxRSS, cpuMicros: u.userCPUTime + u.systemCPUTime, mainThreadMicros: mainThreadMicros() };
  process.stderr.write(`\n@@bench ${JSON.stringify(report)}\n`);
});
