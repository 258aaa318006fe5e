import { spawn } from 'node:child_process';
import { TRACED_SYSCALLS } from './durableTree';

/**
 * Runs a writer script under strace, recording every syscall that changes files (-y: each fd with
 * its path; -xx and a large -s: every byte written). No -f: the core does all its file work, SQLite's
 * included, on the main thread; a write from another thread would be missing from the trace, and
 * the rebuilt files would then lack it and fail the test rather than pass it. Resolves with what
 * the writer printed once it ended (the writers end by SIGKILL, as a power cut ends them).
 */
export function runTraced(script: string, args: string[], trace: string): Promise<string[]> {
  return new Promise((resolvePromise, reject) => {
    const syscalls = TRACED_SYSCALLS.map((name) => `?${name}`).join(',');
    const child = spawn('strace', ['-o', trace, '-y', '-xx', '-s', '1000000', '-e', `trace=${syscalls}`, process.execPath, '--import', 'tsx', script, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolvePromise(output.split('\n')) : reject(new Error(`writer ended on its own: ${errors.slice(0, 800)}`))));
  });
}
