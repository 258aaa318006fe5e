import { execFileSync, spawn } from 'node:child_process';

/** A private D-Bus daemon (Debian's dbus-daemon) and Debian's own `dbus-send` to emit signals on it. */
export async function startDbusDaemon(): Promise<{ address: string; sendSignal(path: string, signal: string, ...args: string[]): void; stop(): void }> {
  const daemon = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const address = await new Promise<string>((resolve, reject) => {
    daemon.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    daemon.once('error', () => reject(new Error('dbus-daemon is missing: install Debian\'s "dbus-daemon" and "dbus-bin" packages.')));
  });
  return {
    address,
    sendSignal: (path, signal, ...args) => execFileSync('dbus-send', [`--bus=${address}`, '--type=signal', path, signal, ...args]),
    stop: () => daemon.kill(),
  };
}
