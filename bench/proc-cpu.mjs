// CPU time read from Linux's /proc, for the bench's bound on a run at once:
// a thread's own (the main thread of this process) or a whole process's
// (a sandbox serving a store). undefined where /proc is not there.
import fs from 'node:fs';

// /proc counts CPU time in clock ticks of USER_HZ, 100 a second on Linux's
// common architectures (getconf CLK_TCK); asked at exit, a child process would
// add to every measured run's time.
const TICKS_PER_SECOND = 100;

/** User + system CPU (µs) from a /proc stat file, or undefined. */
function statMicros(file) {
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) may hold spaces: count the fields after its closing parenthesis.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // utime and stime, fields 14 and 15 of the line, are the 12th and 13th after the name.
  return ((Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND) * 1e6;
}

/** This process's main thread: its task id is the process id. */
export const mainThreadMicros = () => statMicros(`/proc/self/task/${process.pid}/stat`);

/** A running process's CPU, all its threads. */
export const processMicros = (pid) => statMicros(`/proc/${pid}/stat`);
