import * as dbus from '@homebridge/dbus-native';

/** Desktop screen savers that announce `ActiveChanged(true)` on the session bus when the screen locks. */
export const SCREEN_SAVER_INTERFACES = ['org.freedesktop.ScreenSaver', 'org.gnome.ScreenSaver', 'org.mate.ScreenSaver', 'org.cinnamon.ScreenSaver', 'org.xfce.ScreenSaver'];
const LOGIND_SESSION = 'org.freedesktop.login1.Session';
const SYSTEM_BUS_DEFAULT = 'unix:path=/var/run/dbus/system_bus_socket';

/** The part of the library's bus this module uses; its bundled types do not declare it. */
interface Bus {
  connection: { on(event: 'message' | 'error', listener: (message: SignalMessage) => void): void; end(): void };
  addMatch(rule: string, callback: (error: unknown) => void): void;
}
interface SignalMessage {
  type: number;
  path?: string;
  interface?: string;
  member?: string;
  body?: unknown[];
}
const createClient = (dbus as unknown as { createClient(options: { busAddress: string }): Bus }).createClient;
const SIGNAL = (dbus as unknown as { messageType: { signal: number } }).messageType.signal;

/** systemd's object-path escaping (sd_bus_path_encode): session "2" is `_32`. */
export function logindSessionPath(sessionId: string): string {
  const escaped = [...sessionId]
    .map((char, index) => (/[A-Za-z]/.test(char) || (index > 0 && /[0-9]/.test(char)) ? char : `_${char.charCodeAt(0).toString(16).padStart(2, '0')}`))
    .join('');
  return `/org/freedesktop/login1/session/${escaped}`;
}

function connect(address: string | undefined, rules: string[], onSignal: (message: SignalMessage) => void): { bus: Bus; ready: Promise<void> } | null {
  if (!address) return null;
  try {
    const bus = createClient({ busAddress: address });
    // No bus (a server, a container): no screen-lock signal to wait for, nothing to report.
    bus.connection.on('error', () => undefined);
    bus.connection.on('message', (message) => {
      if (message.type === SIGNAL) onSignal(message);
    });
    const ready = Promise.all(rules.map((rule) => new Promise<void>((resolve) => bus.addMatch(rule, () => resolve())))).then(() => undefined);
    return { bus, ready };
  } catch {
    return null;
  }
}

/**
 * Electron reports a locked screen only on macOS and Windows. On Linux the desktop says so on
 * D-Bus: the screen saver's `ActiveChanged(true)` on the session bus, logind's `Lock` for this
 * session on the system bus (what `loginctl lock-session` and most desktops send).
 */
export function watchLinuxScreenLock(onLock: () => void, env: NodeJS.ProcessEnv = process.env): { ready: Promise<void>; stop: () => void } {
  const sessionPath = env.XDG_SESSION_ID ? logindSessionPath(env.XDG_SESSION_ID) : null;
  const connections = [
    connect(
      env.DBUS_SESSION_BUS_ADDRESS,
      SCREEN_SAVER_INTERFACES.map((name) => `type='signal',interface='${name}',member='ActiveChanged'`),
      (message) => {
        if (message.member === 'ActiveChanged' && SCREEN_SAVER_INTERFACES.includes(message.interface ?? '') && message.body?.[0] === true) onLock();
      },
    ),
    connect(env.DBUS_SYSTEM_BUS_ADDRESS ?? SYSTEM_BUS_DEFAULT, [`type='signal',interface='${LOGIND_SESSION}',member='Lock'${sessionPath ? `,path='${sessionPath}'` : ''}`], (message) => {
      if (message.interface === LOGIND_SESSION && message.member === 'Lock' && (!sessionPath || message.path === sessionPath)) onLock();
    }),
  ].filter((connection) => connection !== null);
  return {
    ready: Promise.all(connections.map((connection) => connection.ready)).then(() => undefined),
    stop: () => {
      for (const { bus } of connections) bus.connection.end();
    },
  };
}
