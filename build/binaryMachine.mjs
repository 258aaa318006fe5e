/**
 * Which processor a native binary is for, read from its header: ELF `e_machine` (Linux),
 * Mach-O `cputype` (macOS, each slice of a universal binary), PE `Machine` (Windows). Names are
 * Node's (`process.arch`), so they compare directly with the architecture being packaged; a code
 * without a name is reported as its number rather than guessed.
 */
import { readFileSync } from 'node:fs';

const ELF_MACHINES = { 0x03: 'ia32', 0x28: 'arm', 0x3e: 'x64', 0xb7: 'arm64', 0xf3: 'riscv64' };
/** CPU_TYPE_* from <mach/machine.h>: the 64-bit variants carry CPU_ARCH_ABI64 (0x01000000). */
const MACH_O_CPU_TYPES = { 0x7: 'ia32', 0x01000007: 'x64', 0xc: 'arm', 0x0100000c: 'arm64' };
const PE_MACHINES = { 0x014c: 'ia32', 0x8664: 'x64', 0x01c4: 'arm', 0xaa64: 'arm64' };

const MACH_O_MAGIC_32 = 0xfeedface;
const MACH_O_MAGIC_64 = 0xfeedfacf;
const FAT_MAGIC = 0xcafebabe;
const FAT_MAGIC_64 = 0xcafebabf;

const named = (table, code) => table[code] ?? `unknown (0x${code.toString(16)})`;

function elf(bytes) {
  // EI_DATA: 1 little-endian, 2 big-endian; e_machine sits at 18 in both 32- and 64-bit headers.
  const machine = bytes[5] === 2 ? bytes.readUInt16BE(18) : bytes.readUInt16LE(18);
  return { format: 'ELF', architectures: [named(ELF_MACHINES, machine)] };
}

function thinMachO(bytes, littleEndian) {
  const cputype = littleEndian ? bytes.readUInt32LE(4) : bytes.readUInt32BE(4);
  return { format: 'Mach-O', architectures: [named(MACH_O_CPU_TYPES, cputype)] };
}

/** A universal binary: a big-endian table of slices, 20 bytes each (32 with 64-bit offsets). */
function fatMachO(bytes, entrySize) {
  const count = bytes.readUInt32BE(4);
  const architectures = Array.from({ length: count }, (_, index) => named(MACH_O_CPU_TYPES, bytes.readUInt32BE(8 + index * entrySize)));
  return { format: 'Mach-O', architectures };
}

function pe(bytes) {
  // The DOS header's e_lfanew points at "PE\0\0", followed by the COFF header's Machine field.
  const offset = bytes.readUInt32LE(0x3c);
  if (bytes.toString('latin1', offset, offset + 4) !== 'PE\0\0') throw new Error('an MZ file without a PE header');
  return { format: 'PE', architectures: [named(PE_MACHINES, bytes.readUInt16LE(offset + 4))] };
}

/** The format and architectures of a binary's bytes (at least its header); throws for anything else. */
export function binaryArchitectures(bytes) {
  if (bytes.length >= 20 && bytes.toString('latin1', 0, 4) === '\x7fELF') return elf(bytes);
  if (bytes.length >= 0x40 && bytes.toString('latin1', 0, 2) === 'MZ') return pe(bytes);
  if (bytes.length >= 8) {
    const bigEndian = bytes.readUInt32BE(0);
    const littleEndian = bytes.readUInt32LE(0);
    if (bigEndian === FAT_MAGIC) return fatMachO(bytes, 20);
    if (bigEndian === FAT_MAGIC_64) return fatMachO(bytes, 32);
    if (littleEndian === MACH_O_MAGIC_64 || littleEndian === MACH_O_MAGIC_32) return thinMachO(bytes, true);
    if (bigEndian === MACH_O_MAGIC_64 || bigEndian === MACH_O_MAGIC_32) return thinMachO(bytes, false);
  }
  throw new Error('not an ELF, Mach-O or PE binary');
}

export function readBinaryArchitectures(file) {
  try {
    return binaryArchitectures(readFileSync(file));
  } catch (error) {
    throw new Error(`${file}: ${error.message}`, { cause: error });
  }
}
