/**
 * The CPU time a process's main thread has used, in ms, for time limits that count a
 * cell's own running time: on a busy machine a cell waits for a core, and that wait
 * must not count against it. Read from Linux's /proc (utime + stime of the thread whose
 * id is the process id, in clock ticks of 10 ms); null elsewhere, where the caller
 * counts wall time instead.
 */
import { readFileSync } from 'node:fs';

/** Linux's USER_HZ: 100 ticks a second on every mainstream kernel build. */
const MS_PER_TICK = 10;

export function mainThreadCpuMs(pid: number): number | null {
  if (process.platform !== 'linux') return null;
  try {
    const stat = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces), from field 3 on.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
  } catch {
    return null;
  }
}
