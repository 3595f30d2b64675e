import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { layoutGuards } from '../../eslint.guards.js';

/** Lint a snippet as if it were the file at `filePath`, with the layout's guard rails only. */
async function restricted(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: process.cwd(),
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser } }, ...layoutGuards],
  });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.message);
}

describe('lint guard rails of the layout', () => {
  it('a route file that imports drizzle-orm or db/schema fails', async () => {
    assert.match((await restricted('src/portal/features/x/routes.tsx', "import { eq } from 'drizzle-orm';\n")).join(), /Route files do not query/);
    assert.match((await restricted('src/identity/x/routes.ts', "import { users } from '../../db/schema/index.ts';\n")).join(), /Route files do not query/);
    assert.deepEqual(await restricted('src/portal/features/x/service.ts', "import { eq } from 'drizzle-orm';\n"), [], 'services may query');
  });

  it('a feature that imports another feature fails', async () => {
    assert.match((await restricted('src/portal/features/request/service.ts', "import { x } from '../profile/service.ts';\n")).join(), /another feature/);
    assert.match((await restricted('src/portal/features/request/sub/a.ts', "import { x } from '../../../features/profile/a.ts';\n")).join(), /another feature/);
    assert.deepEqual(
      await restricted('src/portal/features/request/service.ts', "import { x } from '../../context.ts';\nimport { y } from './schema.ts';\n"),
      [],
    );
  });

  it('a management feature that imports another management feature or a portal feature fails', async () => {
    assert.match(
      (await restricted('src/portal/management/requests/service.ts', "import { x } from '../users/service.ts';\n")).join(),
      /another management feature/,
    );
    assert.match(
      (await restricted('src/portal/management/requests/pages.tsx', "import { x } from '../../features/home/pages.tsx';\n")).join(),
      /does not import portal features/,
    );
    assert.match(
      (await restricted('src/portal/features/home/service.ts', "import { x } from '../../management/requests/service.ts';\n")).join(),
      /management module/,
    );
    assert.match((await restricted('src/portal/management/requests/routes.tsx', "import { eq } from 'drizzle-orm';\n")).join(), /Route files do not query/);
    assert.deepEqual(
      await restricted('src/portal/management/requests/service.ts', "import { x } from '../../policies/index.ts';\nimport { y } from './schema.ts';\n"),
      [],
    );
  });

  it('a production module that imports src/demo/ fails; bootstrap may', async () => {
    assert.match(
      (await restricted('src/identity/pz/service.ts', "import { seedDemoData } from '../../demo/seed-demo.ts';\n")).join(),
      /Only src\/bootstrap.ts/,
    );
    assert.deepEqual(await restricted('src/bootstrap.ts', "import { seedDemoData } from './demo/seed-demo.ts';\n"), []);
  });
});
