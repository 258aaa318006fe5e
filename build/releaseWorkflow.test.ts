import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

/**
 * The release workflow, checked before it ever runs: against the published GitHub Actions
 * workflow schema (SchemaStore's, inside @action-validator/core: nothing is downloaded), and read as
 * data for the order its steps must keep on each runner.
 */
const root = join(__dirname, '..');
const source = readFileSync(join(root, '.github/workflows/release.yml'), 'utf8');

interface Step {
  name?: string;
  if?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
const workflow = load(source) as { jobs: { build: { strategy: { matrix: { include: { os: string; arch: string; target: string; app?: string }[] } }; steps: Step[] } } };
const { steps } = workflow.jobs.build;
const OPERATING_SYSTEMS = ['Linux', 'Windows', 'macOS'] as const;

/** Whether a step runs on a runner of this OS, from the `runner.os` conditions the workflow uses. */
function runsOn(step: Step, os: string): boolean {
  const only = /runner\.os == '(\w+)'/.exec(step.if ?? '');
  const not = /runner\.os != '(\w+)'/.exec(step.if ?? '');
  return (!only || only[1] === os) && (!not || not[1] !== os);
}
const indexes = (os: string, matches: (step: Step) => boolean) => steps.flatMap((step, index) => (runsOn(step, os) && matches(step) ? [index] : []));
const installers = (step: Step) => step.run?.includes('electron-builder') ?? false;
const realApp = (step: Step) => step.run?.includes('npm run test:electron') ?? false;

describe('the release workflow', () => {
  it('is valid against the published GitHub Actions workflow schema, which does catch a wrong key', () => {
    expect(validateWorkflow(source).errors).toEqual([]);
    expect(validateWorkflow(source.replace('    runs-on: ${{ matrix.os }}', '    run-on: ${{ matrix.os }}')).errors).not.toEqual([]);
  });

  it.each(OPERATING_SYSTEMS)('on %s, builds the installers before the real-app steps, which run what was built', (os) => {
    const built = indexes(os, installers);
    const walked = indexes(os, realApp);
    expect(built).toHaveLength(1);
    expect(walked).toHaveLength(1);
    expect(built[0]).toBeLessThan(walked[0]!);
    expect(steps[walked[0]!]!.env?.CONFIDANT_INSTALLED_APP).toBe('${{ matrix.app }}');
  });

  it('on Linux, installs the .deb and leaves the restriction on user namespaces alone before the real-app steps', () => {
    const [walked] = indexes('Linux', realApp);
    const before = steps.slice(0, walked);
    const [installed] = indexes('Linux', (step) => /apt-get install -y \.\/dist\/\S+\.deb/.test(step.run ?? ''));
    expect(installed).toBeGreaterThan(indexes('Linux', installers)[0]!);
    expect(installed).toBeLessThan(walked!);
    expect(before.filter((step) => runsOn(step, 'Linux') && /sysctl/.test(JSON.stringify(step)))).toEqual([]);
    expect(source).not.toContain('no-sandbox');
  });

  it('names each runner’s installed app: the deb’s binary in /opt on Linux, the built app elsewhere, for its own architecture', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; productName: string };
    for (const entry of workflow.jobs.build.strategy.matrix.include) {
      const arch = entry.arch === 'x64' ? '' : `-${entry.arch}`;
      const expected = {
        '--linux': `/opt/${pkg.productName}/${pkg.name}`,
        '--win': `dist/win${arch}-unpacked/${pkg.productName}.exe`,
        '--mac': `dist/mac${arch}/${pkg.productName}.app/Contents/MacOS/${pkg.productName}`,
      }[entry.target];
      expect(entry.app, `${entry.os} ${entry.arch}`).toBe(expected);
    }
  });

  it('checks the macOS app’s signature before running it, and uploads the screenshots whatever the outcome', () => {
    const [signature] = indexes('macOS', (step) => step.run?.startsWith('codesign --verify') ?? false);
    expect(signature).toBeLessThan(indexes('macOS', realApp)[0]!);
    const upload = steps.findIndex((step) => step.uses?.startsWith('actions/upload-artifact') && step.with?.path === 'test-results/screenshots');
    expect(steps[upload]!.if).toBe('always()');
    for (const os of OPERATING_SYSTEMS) expect(upload).toBeGreaterThan(indexes(os, realApp)[0]!);
  });
});
