import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { coreLayerRules, migrationFileRules, noCycleRules } from './eslint/architecture.mjs';

const root = join(__dirname, '..');
const fixture = (name: string) => join(root, 'test/lint-fixtures', name);

/** The architecture rules alone, as eslint.config.mjs applies them, over checked-in fixtures the project's own lint ignores. */
function architectureLint(): ESLint {
  return new ESLint({
    cwd: root,
    ignore: false,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, plugins: { '@typescript-eslint': tseslint.plugin } },
      ...coreLayerRules,
      migrationFileRules,
      noCycleRules,
    ],
  });
}

const errorsOf = (results: ESLint.LintResult[]) => results.flatMap((result) => result.messages.map((message) => `${message.ruleId}: ${message.message}`));

describe('the architecture lint', () => {
  it('finds exactly the two planted faults: an import cycle, and vault/ importing cases/', async () => {
    const eslint = architectureLint();
    const cycle = await eslint.lintFiles([fixture('cycle/first.ts')]);
    const upward = await eslint.lintText(readFileSync(fixture('vaultImportsCases.ts'), 'utf8'), { filePath: join(root, 'electron/core/vault/vaultImportsCases.ts') });
    const errors = errorsOf([...cycle, ...upward]);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^import-x\/no-cycle: Dependency cycle/);
    expect(errors[1]).toMatch(/^no-restricted-imports: '\.\.\/cases\/caseList' import is restricted.*electron\/core\/vault is layer 1/);
  });

  it('lets a migration import the database type and nothing else', async () => {
    const results = await architectureLint().lintText(readFileSync(fixture('migrationImportsCode.ts'), 'utf8'), {
      filePath: join(root, 'electron/core/vault/migrations/999-fixture.ts'),
    });
    const errors = errorsOf(results);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^@typescript-eslint\/no-restricted-imports: '\.\.\/\.\.\/cases\/caseNumbers'.*imports nothing but the database type/);
  });
});
