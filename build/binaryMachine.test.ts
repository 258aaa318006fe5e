import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeAddonPath } from '../electron/core/vault/sqliteAddon';
import { binaryArchitectures, readBinaryArchitectures } from './binaryMachine.mjs';

const fixtures = join(__dirname, '..', 'test', 'fixtures', 'binaries');
/** How `file` (libmagic), an independent reader of the same headers, names each architecture. */
const LIBMAGIC_NAMES: Record<string, RegExp> = { x64: /x86-64|x86_64/, arm64: /aarch64|arm64/i };

const HEADERS = [
  { file: 'elf-x64.bin', format: 'ELF', architectures: ['x64'] },
  { file: 'elf-arm64.bin', format: 'ELF', architectures: ['arm64'] },
  { file: 'macho-x64.bin', format: 'Mach-O', architectures: ['x64'] },
  { file: 'macho-arm64.bin', format: 'Mach-O', architectures: ['arm64'] },
  { file: 'macho-universal.bin', format: 'Mach-O', architectures: ['x64', 'arm64'] },
  { file: 'pe-x64.bin', format: 'PE', architectures: ['x64'] },
  { file: 'pe-arm64.bin', format: 'PE', architectures: ['arm64'] },
];

describe('the machine field of a native binary', () => {
  it.each(HEADERS)('reads $file as $format for $architectures, as libmagic does', ({ file, format, architectures }) => {
    const path = join(fixtures, file);
    expect(readBinaryArchitectures(path)).toEqual({ format, architectures });
    const described = execFileSync('file', ['-b', path], { encoding: 'utf8' });
    expect(described).toContain(format === 'PE' ? 'PE32+' : format);
    for (const architecture of architectures) expect(described).toMatch(LIBMAGIC_NAMES[architecture]!);
  });

  it('reads the real compiled addon as built for this machine', () => {
    expect(readBinaryArchitectures(nodeAddonPath()).architectures).toEqual([process.arch]);
  });

  it('names a machine it has no name for by its number, and refuses what is no binary or is cut short', () => {
    const header = readFileSync(join(fixtures, 'elf-x64.bin'));
    header.writeUInt16LE(0x1234, 18);
    expect(binaryArchitectures(header).architectures).toEqual(['unknown (0x1234)']);
    expect(() => binaryArchitectures(Buffer.from('#!/bin/sh\necho not a binary\n'))).toThrow('not an ELF, Mach-O or PE binary');
    expect(() => readBinaryArchitectures(join(fixtures, 'README.md'))).toThrow(/README\.md: not an ELF/);
    const truncatedPe = readFileSync(join(fixtures, 'pe-x64.bin')).subarray(0, 0x42);
    expect(() => binaryArchitectures(truncatedPe)).toThrow();
  });
});
