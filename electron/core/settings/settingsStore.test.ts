import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsStore } from './settingsStore';

describe('the settings file', () => {
  it('loads a file written before the backup proposal existed, keeping its values, asking the proposal and giving the default receivers of procedure reports', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'confidant-settings-')), 'settings.json');
    const older = { language: 'en', idleLockMinutes: 5, contentProtection: true, autoBackupOnLock: true, keepBackups: 3, retentionYears: 2, backupFolder: '/media/usb' };
    writeFileSync(path, JSON.stringify(older));
    const settings = new SettingsStore(path).get();
    expect(settings).toEqual({ ...older, backupProposalAnswered: false, procedureFunctions: ['concerns_point_coordinator', 'ombudsperson'] });
  });
});
