import { afterEach, beforeEach } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import { createLogger } from '../../electron/core/log';
import type { VaultFunction } from '../../shared/taxonomy';
import { CANARY } from '../fixtures/canaries';
import { temporaryDirectory } from './temporaryDirectory';

/** A fresh, unlocked vault of the given function for every test, on a fixed clock; locked and removed after it. */
export function openVaultPerTest(vaultFunction: VaultFunction, now: Date): () => Core {
  let dir: ReturnType<typeof temporaryDirectory>;
  let core: Core;
  beforeEach(async () => {
    dir = temporaryDirectory();
    core = createCore({ dataDirectory: dir.path, clock: () => now, log: createLogger(() => undefined) });
    await core.router.handle('vault.create', { passphrase: CANARY.passphrase, function: vaultFunction });
  });
  afterEach(() => {
    core.vault.lock();
    dir.remove();
  });
  return () => core;
}
