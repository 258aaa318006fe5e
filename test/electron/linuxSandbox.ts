import { readdirSync, readFileSync } from 'node:fs';
import { expect } from 'vitest';

/**
 * The renderer processes under a browser process and whether each runs under a seccomp-bpf filter,
 * read from Linux's /proc. Chromium applies the filter only inside its sandbox, and starts no
 * renderer at all when it cannot build the sandbox (unless told --no-sandbox): a filtered renderer
 * is one that runs sandboxed.
 */
function linuxRenderers(browserPid: number): { pid: number; seccompFiltered: boolean }[] {
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
    // Zygote children rewrite their command line into one space-separated string.
    .filter((pid) => descendsFromBrowser(pid) && /(^|[\s\0])--type=renderer([\s\0]|$)/.test(read(pid, 'cmdline')))
    .map((pid) => ({ pid, seccompFiltered: /^Seccomp:\s+2$/m.test(read(pid, 'status')) }));
}

/** Renderers running, each filtered, with Ubuntu's restriction on user namespaces left on while they started. */
export function expectSandboxedRenderers(browserPid: number): void {
  const restriction = '/proc/sys/kernel/apparmor_restrict_unprivileged_userns';
  expect(readFileSync(restriction, 'utf8').trim(), `${restriction} must be left on`).toBe('1');
  const renderers = linuxRenderers(browserPid);
  expect(renderers.length).toBeGreaterThan(0);
  expect(renderers.filter((renderer) => !renderer.seccompFiltered)).toEqual([]);
}
