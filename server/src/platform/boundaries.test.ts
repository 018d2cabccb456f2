import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'edugov/module-boundaries').map((m) => m.message);
}

describe('module boundaries (lint rule)', () => {
  it('lets a module import another through its index.ts only', async () => {
    expect(await boundaryErrors('server/src/modules/identity/x.ts', "export { a } from '../org/index.ts';\n")).toEqual(
      [],
    );
    expect(
      await boundaryErrors('server/src/modules/identity/x.ts', "export { a } from '../org/org.repository.ts';\n"),
    ).toEqual([expect.stringContaining('through its public door')]);
    expect(await boundaryErrors('server/src/modules/org/x.ts', "export { a } from './org.repository.ts';\n")).toEqual(
      [],
    );
  });

  it('forbids platform/ from importing any module', async () => {
    expect(await boundaryErrors('server/src/platform/x.ts', "export { a } from '../modules/org/index.ts';\n")).toEqual([
      expect.stringContaining('platform/ must not import a module'),
    ]);
  });
});
