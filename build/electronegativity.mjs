/**
 * Runs Electronegativity (Doyensec's Electron security checker) over the shell's source and the
 * renderer's HTML, offline, and fails on any HIGH or MEDIUM finding not listed, with its reason,
 * in electronegativity-exceptions.json. An exception that no longer matches a finding also fails,
 * so the list cannot go stale.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const exceptions = JSON.parse(readFileSync(join(root, 'build/electronegativity-exceptions.json'), 'utf8'));
const binary = join(root, 'node_modules/.bin/electronegativity');

/** A small CSV reader: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field.trim());
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') endField();
    else if (char === '\n') {
      endField();
      rows.push(row);
      row = [];
    } else field += char;
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

const findings = [];
const folder = mkdtempSync(join(tmpdir(), 'electronegativity-'));
try {
  // One scan over the shell and the page it loads, so the global checks (CSP, navigation, permissions) see both.
  const input = join(folder, 'app');
  cpSync(join(root, 'electron'), join(input, 'electron'), { recursive: true, filter: (path) => !path.endsWith('.test.ts') });
  cpSync(join(root, 'renderer/index.html'), join(input, 'renderer/index.html'));
  const output = join(folder, 'report.csv');
  const run = spawnSync(binary, ['-i', input, '-e', electronVersion, '-o', output, '-r'], { encoding: 'utf8' });
  if (run.status !== 0) {
    process.stderr.write(run.stderr);
    process.exit(1);
  }
  const [, ...rows] = parseCsv(readFileSync(output, 'utf8'));
  for (const [issue, severity, , file] of rows.filter((r) => r.length > 3)) findings.push({ issue, severity, file: basename(file) });
} finally {
  rmSync(folder, { recursive: true, force: true });
}

const serious = findings.filter((finding) => finding.severity === 'HIGH' || finding.severity === 'MEDIUM');
const unexplained = serious.filter((finding) => !exceptions[`${finding.issue} ${finding.file}`]);
const stale = Object.keys(exceptions).filter((key) => !serious.some((finding) => `${finding.issue} ${finding.file}` === key));
process.stdout.write(`electronegativity ${electronVersion}: ${findings.length} findings, ${serious.length} high or medium, ${serious.length - unexplained.length} justified in build/electronegativity-exceptions.json\n`);
for (const finding of unexplained) process.stdout.write(`  unexplained ${finding.severity}: ${finding.issue} in ${finding.file}\n`);
for (const key of stale) process.stdout.write(`  stale exception: ${key}\n`);
process.exit(unexplained.length === 0 && stale.length === 0 ? 0 : 1);
