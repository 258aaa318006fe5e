/**
 * Runs Electronegativity (Doyensec's Electron security checker) over the shell's source and the
 * renderer's HTML, offline, and fails on any HIGH or MEDIUM finding not listed, with its reason,
 * in electronegativity-exceptions.json. An exception names one occurrence (check, file, line,
 * column and the code found there), so a new finding of the same check in an excepted file fails
 * too; an exception that no longer matches a finding also fails, so the list cannot go stale.
 * `--root <folder>` scans another checkout's electron/ and renderer/ (the gate's own test plants a finding in one).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const rootArgument = process.argv.indexOf('--root');
const scanned = rootArgument > 0 ? resolve(process.argv[rootArgument + 1]) : root;
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const exceptions = JSON.parse(readFileSync(join(root, 'build/electronegativity-exceptions.json'), 'utf8'));
// The scanner called as a library: its findings come back in memory. (Its CSV output was written
// header and rows concurrently, so the header could overwrite the first finding: a flaky gate.)
const run = createRequire(import.meta.url)('@doyensec/electronegativity/dist/runner.js');

const findings = [];
const folder = mkdtempSync(join(tmpdir(), 'electronegativity-'));
try {
  // One scan over the shell and the page it loads, so the global checks (CSP, navigation, permissions) see both.
  const input = join(folder, 'app');
  cpSync(join(scanned, 'electron'), join(input, 'electron'), { recursive: true, filter: (path) => !path.endsWith('.test.ts') });
  cpSync(join(scanned, 'renderer/index.html'), join(input, 'renderer/index.html'));
  // The check for newer Electron releases needs the network; the gate runs offline.
  const result = await run(
    { input, output: undefined, isSarif: false, customScan: [], excludeFromScan: ['availablesecurityfixesglobalcheck'], severitySet: undefined, confidenceSet: undefined, isRelative: true, isVerbose: false, electronUpgrade: undefined, electronVersionOverride: electronVersion, parserPlugins: [] },
    false,
  );
  if (result.errors.length > 0) {
    for (const error of result.errors) process.stderr.write(`electronegativity could not read ${error.file}: ${error.message}\n`);
    process.exit(1);
  }
  for (const issue of result.issues) {
    const where = `${relative(input, join(input, issue.file)).replaceAll('\\', '/')}:${issue.location.line}:${issue.location.column}`;
    findings.push({ issue: issue.id, severity: issue.severity.name, key: `${issue.id} ${where} ${String(issue.sample ?? '').trim()}` });
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}

const serious = findings.filter((finding) => finding.severity === 'HIGH' || finding.severity === 'MEDIUM');
const unexplained = serious.filter((finding) => !exceptions[finding.key]);
const stale = Object.keys(exceptions).filter((key) => !serious.some((finding) => finding.key === key));
findings.sort((a, b) => a.key.localeCompare(b.key));
if (process.argv.includes('--findings')) process.stdout.write(`${JSON.stringify(findings)}\n`);
process.stdout.write(`electronegativity ${electronVersion}: ${findings.length} findings, ${serious.length} high or medium, ${serious.length - unexplained.length} justified in build/electronegativity-exceptions.json\n`);
for (const finding of unexplained) process.stdout.write(`  unexplained ${finding.severity}: ${finding.key}\n`);
for (const key of stale) process.stdout.write(`  stale exception: ${key}\n`);
process.exit(unexplained.length === 0 && stale.length === 0 ? 0 : 1);
