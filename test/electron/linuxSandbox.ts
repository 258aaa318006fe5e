import { readdirSync, readFileSync } from 'node:fs';

/**
 * The renderer processes under a browser process and whether each runs under a seccomp-bpf filter,
 * read from Linux's /proc. Chromium applies the filter only inside its sandbox, and starts no
 * renderer at all when it cannot build the sandbox (unless told --no-sandbox): a filtered renderer
 * is one that runs sandboxed.
 */
export function linuxRenderers(browserPid: number): { pid: number; seccompFiltered: boolean }[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      // The parent's pid is the second field after the command name, which may hold spaces and brackets.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended while the list was read.
    }
  }
  const descendsFromBrowser = (pid: number) => {
    for (let parent = parents.get(pid); parent; parent = parents.get(parent)) if (parent === browserPid) return true;
    return false;
  };
  const read = (pid: number, file: string) => {
    try {
      return readFileSync(`/proc/${pid}/${file}`, 'utf8');
    } catch {
      return '';
    }
  };
  return [...parents.keys()]
    .filter((pid) => descendsFromBrowser(pid) && read(pid, 'cmdline').split('\0').includes('--type=renderer'))
    .map((pid) => ({ pid, seccompFiltered: /^Seccomp:\s+2$/m.test(read(pid, 'status')) }));
}
