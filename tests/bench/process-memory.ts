import { readdirSync, readFileSync } from 'node:fs';

// Memory of the Chromium this process launched: every process descended from our own children
// (the browser, its zygotes, renderers, GPU and utility processes), summed as PSS from
// /proc/<pid>/smaps_rollup. PSS divides shared pages among the processes sharing them, so the sum
// does not count the shared Chromium binary once per process as an RSS sum would.

function parentOf(pid: number): number | undefined {
  try {
    // The command name is in parentheses and may hold spaces: read after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

function descendants(root: number, skip: ReadonlySet<number> = new Set()): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const ppid = parentOf(pid);
    if (ppid !== undefined) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const out: number[] = [];
  const queue = (children.get(root) ?? []).filter((pid) => !skip.has(pid));
  while (queue.length) {
    const pid = queue.pop()!;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

function pssBytes(pid: number): number {
  try {
    const kb = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1];
    return Number(kb ?? 0) * 1024;
  } catch {
    return 0; // the process ended between listing and reading
  }
}

/** PSS of every process under this node process, in bytes. */
export function browserPss(): { bytes: number; processes: number } {
  const pids = descendants(process.pid);
  return { bytes: pids.reduce((n, pid) => n + pssBytes(pid), 0), processes: pids.length };
}

/**
 * Samples the PSS sum every `intervalMs` until stopped; returns the peak. The process tree is
 * re-listed once a second only: walking /proc costs CPU the browser under test would miss.
 * `skip`: children of this process that are not the browser (e.g. a test server's daemons).
 */
export function samplePeak(intervalMs = 250, skip: ReadonlySet<number> = new Set()): { stop(): { peak: number; processes: number } } {
  let peak = 0;
  let processes = 0;
  let pids: number[] = [];
  let listedAt = 0;
  const sample = () => {
    if (performance.now() - listedAt > 1000) [pids, listedAt] = [descendants(process.pid, skip), performance.now()];
    const bytes = pids.reduce((n, pid) => n + pssBytes(pid), 0);
    if (bytes > peak) [peak, processes] = [bytes, pids.length];
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return { peak, processes };
    },
  };
}
