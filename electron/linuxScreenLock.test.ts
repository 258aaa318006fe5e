import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startDbusDaemon } from '../test/support/dbusDaemon';
import { logindSessionPath, watchLinuxScreenLock } from './linuxScreenLock';

let bus: Awaited<ReturnType<typeof startDbusDaemon>>;

beforeAll(async () => {
  bus = await startDbusDaemon();
});

afterAll(() => bus.stop());

const send = (path: string, signal: string, ...args: string[]) => bus.sendSignal(path, signal, ...args);

/** Signals sent by `dbus-send` on a real daemon, as a GNOME screen saver and logind send them. */
describe('screen lock on Linux, heard on D-Bus', () => {
  it('escapes the logind session id as systemd does', () => {
    expect(logindSessionPath('2')).toBe('/org/freedesktop/login1/session/_32');
    expect(logindSessionPath('c1')).toBe('/org/freedesktop/login1/session/c1');
  });

  it('locks when the screen saver turns on or logind locks this session, and not otherwise', async () => {
    const onLock = vi.fn();
    const watcher = watchLinuxScreenLock(onLock, { DBUS_SESSION_BUS_ADDRESS: bus.address, DBUS_SYSTEM_BUS_ADDRESS: bus.address, XDG_SESSION_ID: '2' });
    try {
      await watcher.ready;
      send('/org/gnome/ScreenSaver', 'org.gnome.ScreenSaver.ActiveChanged', 'boolean:false');
      send('/org/freedesktop/login1/session/_33', 'org.freedesktop.login1.Session.Lock');
      send('/org/freedesktop/ScreenSaver', 'org.freedesktop.ScreenSaver.Other', 'boolean:true');
      send('/org/gnome/ScreenSaver', 'org.gnome.ScreenSaver.ActiveChanged', 'boolean:true');
      await vi.waitFor(() => expect(onLock).toHaveBeenCalledTimes(1));
      send('/org/freedesktop/login1/session/_32', 'org.freedesktop.login1.Session.Lock');
      await vi.waitFor(() => expect(onLock).toHaveBeenCalledTimes(2));
      // The signals that must not lock were sent first; nothing else arrives late.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(onLock).toHaveBeenCalledTimes(2);
    } finally {
      watcher.stop();
    }
  });

  it('does nothing, and throws nothing, where there is no bus', async () => {
    const watcher = watchLinuxScreenLock(() => undefined, { DBUS_SYSTEM_BUS_ADDRESS: 'unix:path=/nonexistent/bus' });
    watcher.stop();
  });
});
