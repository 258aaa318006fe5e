import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeAddonPath } from '../electron/core/vault/sqliteAddon';
import { addonAbis, assertAddonAbi } from './addonAbi.mjs';

const electronAbi = readFileSync(join(__dirname, '..', 'node_modules', 'electron', 'abi_version'), 'utf8').trim();

describe('the addon ABI check', () => {
  it('reads the ABI of the real compiled addon: the Node build is for this Node', () => {
    expect(addonAbis(nodeAddonPath())).toEqual([Number(process.versions.modules)]);
    expect(() => assertAddonAbi(nodeAddonPath(), process.versions.modules)).not.toThrow();
  });

  it('refuses a Node-ABI build where Electron’s is needed, saying what to do', () => {
    expect(electronAbi).toBe('150');
    // The Node build's ABI is this Node's (115 on Node 20, 127 on the release workflow's Node 22).
    const nodeAbi = process.versions.modules;
    expect(() => assertAddonAbi(nodeAddonPath(), electronAbi)).toThrow(new RegExp(`built for ABI ${nodeAbi}, but Electron needs ABI 150.*nodedir`));
  });
});
