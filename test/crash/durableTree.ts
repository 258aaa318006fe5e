import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A folder as a power cut leaves it, rebuilt from an strace of the process that wrote it (run with
 * -y -xx, so every fd shows its path and every byte is there). The rules are those a journaling
 * file system promises and nothing more: a file's bytes survive once an fsync of that file came
 * after them; a name created, renamed or removed in a folder survives once an fsync of that folder
 * came after it. Until then the disk still holds what was made durable before (the old name, the
 * old bytes, or nothing). A disk may keep some unsynced changes too; the model keeps none, the worst
 * case for every promise that rests on a sync.
 */
type Node = FileNode | FolderNode;
interface FileNode {
  kind: 'file';
  bytes: Buffer;
  length: number;
  durable: Buffer;
  dirty: boolean;
}
interface FolderNode {
  kind: 'folder';
  entries: Map<string, Node>;
  durable: Map<string, Node>;
  dirty: boolean;
}

/** What one line of the trace meant: the writer said something, or what a power cut would leave just changed. */
export type TraceEvent = { kind: 'said'; line: string } | { kind: 'durable' };

/** Syscalls that would change the folder in a way this model does not follow: meeting one is an error, never a silent gap. */
const UNMODELLED = new Set(['writev', 'pwritev', 'pwritev2', 'fallocate', 'truncate', 'link', 'linkat', 'symlink', 'symlinkat', 'mknod', 'mknodat']);
export const TRACED_SYSCALLS = [
  'open',
  'openat',
  'creat',
  'mkdir',
  'mkdirat',
  'rename',
  'renameat',
  'renameat2',
  'unlink',
  'unlinkat',
  'rmdir',
  'write',
  'pwrite64',
  'ftruncate',
  'copy_file_range',
  'sendfile',
  'fsync',
  'fdatasync',
  ...UNMODELLED,
];

const hex = (escaped: string) => Buffer.from(escaped.replace(/\\x/g, ''), 'hex');

/** The bytes of a string argument; strace shortens one longer than -s, and a shortened write cannot be rebuilt. */
function bytes(quoted: string): Buffer {
  const whole = /^"(.*)"$/.exec(quoted);
  if (!whole) throw new Error(`a string strace shortened or did not quote: ${quoted.slice(0, 80)}`);
  return hex(whole[1]!);
}
const text = (quoted: string) => bytes(quoted).toString();

function file(content: Buffer): FileNode {
  return { kind: 'file', bytes: Buffer.from(content), length: content.length, durable: Buffer.from(content), dirty: false };
}

function folder(): FolderNode {
  return { kind: 'folder', entries: new Map(), durable: new Map(), dirty: false };
}

/** The folder as it is on disk before the traced run: all of it durable. */
function snapshot(path: string): FolderNode {
  const node = folder();
  for (const name of readdirSync(path)) {
    const child = join(path, name);
    node.entries.set(name, statSync(child).isDirectory() ? snapshot(child) : file(readFileSync(child)));
  }
  node.durable = new Map(node.entries);
  return node;
}

export class DurableTree {
  private readonly top: FolderNode;
  private readonly fds = new Map<number, { node: Node; position: number; append: boolean }>();
  /** The writer's output since its last full line. */
  private partialLine = '';

  constructor(private readonly root: string) {
    this.top = snapshot(root);
  }

  /** Follows one line of the trace. */
  follow(line: string): TraceEvent[] {
    const call = /^(\w+)\((.*)\) += (-?\d+)(?:<([^>]*)>)?/.exec(line);
    if (!call) return [];
    const [, name, argumentText, resultText, resultPath] = call as unknown as [string, string, string, string, string | undefined];
    const result = Number(resultText);
    if (result < 0) return [];
    const args = argumentText.split(', ');
    if (name === 'write' && args[0]!.startsWith('1<')) return this.said(bytes(args[1]!).subarray(0, result).toString());
    if (UNMODELLED.has(name) && args.some((arg) => this.mine(this.pathIn(arg)))) throw new Error(`unmodelled ${name} on the traced folder: ${line.slice(0, 300)}`);
    switch (name) {
      case 'open':
      case 'creat':
        return this.open(result, resultPath, text(args[0]!), name === 'creat' ? 'O_CREAT|O_TRUNC' : args[1]!);
      case 'openat':
        return this.open(result, resultPath, this.at(args[0]!, args[1]!), args[2]!);
      case 'mkdir':
        return this.create(text(args[0]!), folder());
      case 'mkdirat':
        return this.create(this.at(args[0]!, args[1]!), folder());
      case 'rename':
        return this.rename(text(args[0]!), text(args[1]!));
      case 'renameat':
      case 'renameat2':
        if (args[4] && args[4] !== '0' && args[4] !== 'RENAME_NOREPLACE') throw new Error(`unmodelled rename flags: ${line.slice(0, 300)}`);
        return this.rename(this.at(args[0]!, args[1]!), this.at(args[2]!, args[3]!));
      case 'unlink':
      case 'rmdir':
        return this.remove(text(args[0]!));
      case 'unlinkat':
        return this.remove(this.at(args[0]!, args[1]!));
      case 'write':
        return this.write(args[0]!, bytes(args[1]!).subarray(0, result), null);
      case 'pwrite64':
        return this.write(args[0]!, bytes(args[1]!).subarray(0, result), Number(args[3]));
      case 'ftruncate':
        return this.truncate(args[0]!, Number(args[1]));
      case 'copy_file_range':
        return this.copy(args[0]!, args[1]!, args[2]!, args[3]!, result);
      case 'sendfile':
        return this.copy(args[1]!, args[2]!, args[0]!, 'NULL', result);
      case 'fsync':
      case 'fdatasync':
        return this.sync(args[0]!);
      default:
        return [];
    }
  }

  /** Writes what a power cut at this moment would leave in place of the folder (SQLite's shared-memory files aside: they are rebuilt on open). */
  rebuild(): void {
    rmSync(this.root, { recursive: true, force: true });
    const write = (node: FolderNode, path: string) => {
      mkdirSync(path, { mode: 0o700 });
      for (const [name, child] of node.durable) {
        if (child.kind === 'folder') write(child, join(path, name));
        else if (!name.endsWith('-shm')) writeFileSync(join(path, name), child.durable, { mode: 0o600 });
      }
    };
    write(this.top, this.root);
  }

  private said(chunk: string): TraceEvent[] {
    const lines = (this.partialLine + chunk).split('\n');
    this.partialLine = lines.pop()!;
    return lines.map((line) => ({ kind: 'said', line }));
  }

  /** The path in an argument that shows one (a -y fd), or null. */
  private pathIn(arg: string): string | null {
    const shown = /<([^>]*)>$/.exec(arg);
    if (shown) return hex(shown[1]!).toString().replace(/ \(deleted\)$/, '');
    return arg.startsWith('"') ? text(arg) : null;
  }

  private mine(path: string | null): path is string {
    return path !== null && (path === this.root || path.startsWith(`${this.root}/`));
  }

  /** A path given relative to a directory fd (or absolute). */
  private at(directoryArg: string, pathArg: string): string {
    const path = text(pathArg);
    return path.startsWith('/') ? path : join(this.pathIn(directoryArg) ?? '', path);
  }

  /** The folder holding `path` and the name in it, or null outside the traced folder. */
  private parentOf(path: string): { parent: FolderNode; name: string } | null {
    if (!this.mine(path) || path === this.root) return null;
    const parts = path.slice(this.root.length + 1).split('/');
    let node: FolderNode = this.top;
    for (const part of parts.slice(0, -1)) {
      const next = node.entries.get(part);
      if (next?.kind !== 'folder') throw new Error(`no folder ${part} on the way to ${path}`);
      node = next;
    }
    return { parent: node, name: parts.at(-1)! };
  }

  private nodeAt(path: string): Node | undefined {
    if (path === this.root) return this.top;
    const place = this.parentOf(path);
    return place?.parent.entries.get(place.name);
  }

  private open(fd: number, shownPath: string | undefined, path: string, flags: string): TraceEvent[] {
    // The fd number may have belonged to one of ours before; it does not any more.
    this.fds.delete(fd);
    if (!this.mine(path) || (shownPath && !this.mine(hex(shownPath).toString()))) return [];
    let node = this.nodeAt(path);
    if (!node) {
      if (!flags.includes('O_CREAT')) throw new Error(`opened ${path}, which the model does not know`);
      node = file(Buffer.alloc(0));
      this.create(path, node);
    } else if (node.kind === 'file' && flags.includes('O_TRUNC')) this.resize(node, 0);
    this.fds.set(fd, { node, position: 0, append: flags.includes('O_APPEND') });
    return [];
  }

  private create(path: string, node: Node): TraceEvent[] {
    const place = this.parentOf(path);
    if (!place) return [];
    place.parent.entries.set(place.name, node);
    place.parent.dirty = true;
    return [];
  }

  private rename(from: string, to: string): TraceEvent[] {
    const source = this.parentOf(from);
    const target = this.parentOf(to);
    if (!source && !target) return [];
    if (!source) throw new Error(`${to} was renamed from outside the traced folder`);
    const node = source.parent.entries.get(source.name);
    if (!node) throw new Error(`renamed ${from}, which the model does not know`);
    source.parent.entries.delete(source.name);
    source.parent.dirty = true;
    if (target) this.create(to, node);
    return [];
  }

  private remove(path: string): TraceEvent[] {
    const place = this.parentOf(path);
    if (!place) return [];
    place.parent.entries.delete(place.name);
    place.parent.dirty = true;
    return [];
  }

  /** The file behind an fd argument, when it is one of ours. */
  private fileOf(fdArg: string): { node: FileNode; position: number; append: boolean } | null {
    if (!this.mine(this.pathIn(fdArg))) return null;
    const open = this.fds.get(Number(/^\d+/.exec(fdArg)![0]));
    if (!open) throw new Error(`no open() seen for ${fdArg}`);
    if (open.node.kind !== 'file') throw new Error(`wrote to the folder ${fdArg}`);
    return open as { node: FileNode; position: number; append: boolean };
  }

  private resize(node: FileNode, length: number): void {
    if (length > node.bytes.length) node.bytes = Buffer.concat([node.bytes, Buffer.alloc(Math.max(length, node.bytes.length * 2) - node.bytes.length)]);
    if (length > node.length) node.bytes.fill(0, node.length, length);
    node.length = length;
    node.dirty = true;
  }

  private writeAt(node: FileNode, offset: number, data: Buffer): void {
    if (offset + data.length > node.length) this.resize(node, offset + data.length);
    data.copy(node.bytes, offset);
    node.dirty = true;
  }

  private write(fdArg: string, data: Buffer, offset: number | null): TraceEvent[] {
    const open = this.fileOf(fdArg);
    if (!open) return [];
    if (offset !== null) this.writeAt(open.node, offset, data);
    else {
      const at = open.append ? open.node.length : open.position;
      this.writeAt(open.node, at, data);
      open.position = at + data.length;
    }
    return [];
  }

  private truncate(fdArg: string, length: number): TraceEvent[] {
    const open = this.fileOf(fdArg);
    if (open) this.resize(open.node, length);
    return [];
  }

  /** copy_file_range and sendfile: the bytes come from the source's current content in the model. */
  private copy(fromArg: string, fromOffsetArg: string, toArg: string, toOffsetArg: string, copied: number): TraceEvent[] {
    const to = this.fileOf(toArg);
    const from = this.fileOf(fromArg);
    if (!to) {
      if (from && fromOffsetArg === 'NULL') from.position += copied;
      return [];
    }
    if (!from) throw new Error(`copied into ${toArg} from outside the traced folder`);
    // strace shows an offset pointer's value as the call found it.
    const fromOffset = fromOffsetArg === 'NULL' ? from.position : Number(/^\[(\d+)\]$/.exec(fromOffsetArg)![1]);
    if (fromOffsetArg === 'NULL') from.position += copied;
    const data = Buffer.from(from.node.bytes.subarray(fromOffset, Math.min(fromOffset + copied, from.node.length)));
    if (toOffsetArg === 'NULL') return this.write(toArg, data, null);
    return this.write(toArg, data, Number(/^\[(\d+)\]$/.exec(toOffsetArg)![1]));
  }

  private sync(fdArg: string): TraceEvent[] {
    if (!this.mine(this.pathIn(fdArg))) return [];
    const open = this.fds.get(Number(/^\d+/.exec(fdArg)![0]));
    if (!open) throw new Error(`no open() seen for ${fdArg}`);
    const node = open.node;
    if (!node.dirty) return [];
    if (node.kind === 'file') node.durable = Buffer.from(node.bytes.subarray(0, node.length));
    else node.durable = new Map(node.entries);
    node.dirty = false;
    return [{ kind: 'durable' }];
  }
}

/** The lines of a trace, in order. */
export function* traceLines(path: string): Generator<string> {
  const content = readFileSync(path, 'utf8');
  let start = 0;
  for (let end = content.indexOf('\n'); end !== -1; start = end + 1, end = content.indexOf('\n', start)) yield content.slice(start, end);
  if (start < content.length) yield content.slice(start);
}
