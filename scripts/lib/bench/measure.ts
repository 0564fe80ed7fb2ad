/**
 * Measuring a command: wall time, CPU time, the peak memory of its whole process tree, the rest of
 * the machine's load; percentiles. No figure is asserted anywhere: `npm run bench` prints them.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface Measure {
  seconds: number;
  peakMB: number;
  /** CPU time of the command's whole process tree (user + system), where Linux /proc tells it. */
  cpuSeconds?: number;
  /** CPU the rest of the machine used meanwhile, in cores on average: other work skews the figures. */
  otherCores?: number;
}

/** Clock ticks of /proc times (USER_HZ; 100 on Linux). */
const TICK = 100;

/** CPU time of this process's waited-for descendants (cutime + cstime), in seconds; undefined off Linux. */
function childrenCpu(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / TICK;
  } catch {
    return undefined;
  }
}

/** Busy CPU time of the whole machine so far (every core, all but idle and I/O wait), in seconds. */
export function machineBusy(): number | undefined {
  try {
    const cpu = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').split(/\s+/u).slice(1).map(Number);
    const total = cpu.slice(0, 8).reduce((a, b) => a + b, 0);
    return (total - (cpu[3] ?? 0) - (cpu[4] ?? 0)) / TICK;
  } catch {
    return undefined;
  }
}

/**
 * The resident memory of a process and all its descendants, in bytes (Linux /proc; 0 where it
 * is not there). The whole tree: the indexer's Pagefind runs as a child process, and GNU time's
 * %M (the largest process that was waited for) missed it, so earlier runs under-reported.
 */
function treeRss(root: number): number {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/u.test(e));
  } catch {
    return 0;
  }
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const e of entries) {
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces) start after its closing parenthesis.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(e);
      const ppid = Number(fields[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
      rss.set(pid, Number(fields[21]) * 4096);
    } catch {
      // The process ended while being read.
    }
  }
  let total = 0;
  const todo = [root];
  while (todo.length > 0) {
    const pid = todo.pop() as number;
    total += rss.get(pid) ?? 0;
    todo.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Options of measure. */
export interface MeasureOptions {
  /** Write everything the command prints (stdout and stderr, as it comes) to this file. */
  log?: string;
  /** Exit codes besides 0 that are not a failure of the run (the importer exits 1 when a file fails). */
  allowExit?: number[];
}

/** Run a command; wall time, and peak memory of its whole process tree sampled every 100 ms. */
export async function measure(cmd: string[], env: NodeJS.ProcessEnv, opts: MeasureOptions = {}): Promise<Measure> {
  const log = opts.log === undefined ? undefined : createWriteStream(opts.log);
  const cpu0 = childrenCpu();
  const busy0 = machineBusy();
  const started = performance.now();
  const child = spawn(cmd[0] ?? '', cmd.slice(1), { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const take = (d: Buffer): void => {
    out = (out + d.toString()).slice(-20_000);
    log?.write(d);
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  let peak = 0;
  const timer = setInterval(() => {
    if (child.pid) peak = Math.max(peak, treeRss(child.pid));
  }, 100);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  const cpu1 = childrenCpu();
  const busy1 = machineBusy();
  const cpuSeconds = cpu0 !== undefined && cpu1 !== undefined ? cpu1 - cpu0 : undefined;
  const otherCores =
    cpuSeconds !== undefined && busy0 !== undefined && busy1 !== undefined ? Math.max(0, busy1 - busy0 - cpuSeconds) / seconds : undefined;
  if (log) await new Promise<void>((resolve, reject) => log.end((e?: Error | null) => (e ? reject(e) : resolve())));
  if (code !== 0 && !(code !== null && opts.allowExit?.includes(code))) throw new Error(`${cmd.join(' ')} failed:\n${out}`);
  return {
    seconds,
    peakMB: peak / 1024 / 1024,
    ...(cpuSeconds !== undefined ? { cpuSeconds } : {}),
    ...(otherCores !== undefined ? { otherCores } : {}),
  };
}

/**
 * Wait (up to `maxSeconds`) until the rest of the machine is nearly idle (under 0.25 of a core
 * over a second), so that a run is not timed against someone else's build; says so when it waits.
 */
export async function waitForQuiet(log: (s: string) => void, maxSeconds = 600): Promise<void> {
  const started = performance.now();
  let said = false;
  for (;;) {
    const b0 = machineBusy();
    await new Promise((r) => setTimeout(r, 1000));
    const b1 = machineBusy();
    if (b0 === undefined || b1 === undefined) return;
    const busy = b1 - b0;
    if (busy < 0.25) return;
    if ((performance.now() - started) / 1000 > maxSeconds) {
      log(`  the machine is still busy (${busy.toFixed(1)} cores); measuring anyway`);
      return;
    }
    if (!said) log(`  waiting for the machine to be quiet (${busy.toFixed(1)} cores busy with other work)…`);
    said = true;
  }
}

export function duMB(dir: string, skip?: string): number {
  let total = 0;
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (skip && f.startsWith(skip)) continue;
    const s = statSync(path.join(dir, f));
    if (s.isFile()) total += s.size;
  }
  return total / 1024 / 1024;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
}
