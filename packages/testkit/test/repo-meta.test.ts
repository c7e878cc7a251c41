import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Repository rules every published package must follow: a README, a `create*` factory exported
 * from `src/index.ts`, `engines.node`, core and zod as peers (adapters), and tests that run the
 * conformance suite of the contract the package implements (by its folder: storage/*, search/*,
 * channels/*, marketplaces/*, jobs/*). Packages still being written fail here until they comply.
 */

function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) throw new Error('pnpm-workspace.yaml not found above the test');
  }
}

type PackageJson = {
  name: string;
  private?: boolean;
  engines?: { node?: string };
  peerDependencies?: Record<string, string>;
};

const root = findRepoRoot(dirname(fileURLToPath(import.meta.url)));
const packagesDir = join(root, 'packages');
const isDir = (path: string) => existsSync(path) && statSync(path).isDirectory();

/** Package folders under packages/ (one or two levels deep), published ones only. */
const packages = readdirSync(packagesDir)
  .flatMap((name) => {
    const dir = join(packagesDir, name);
    if (!isDir(dir)) return [];
    if (existsSync(join(dir, 'package.json'))) return [dir];
    return readdirSync(dir)
      .map((child) => join(dir, child))
      .filter((child) => isDir(child) && existsSync(join(child, 'package.json')));
  })
  .map((dir) => ({
    dir,
    folder: relative(packagesDir, dir),
    json: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson,
  }))
  .filter(({ json }) => json.private !== true);

/** The conformance suite each kind of package must run. */
const suiteByKind: Record<string, string> = {
  storage: 'runStorageConformance',
  search: 'runSearchIndexConformance',
  channels: 'runChannelConformance',
  marketplaces: 'runMarketplaceConformance',
  jobs: 'runJobsConformance',
};

function testSources(dir: string): string {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current)) {
      if (entry === 'node_modules' || entry === 'dist') continue;
      const path = join(current, entry);
      if (isDir(path)) walk(path);
      else if (/\.test\.tsx?$/.test(entry)) out.push(readFileSync(path, 'utf8'));
    }
  };
  for (const folder of ['src', 'test']) if (isDir(join(dir, folder))) walk(join(dir, folder));
  return out.join('\n');
}

describe('repository meta rules', () => {
  it('finds the published packages', () => {
    expect(packages.map(({ json }) => json.name)).toEqual(
      expect.arrayContaining(['@deal-scout/core', '@deal-scout/testkit']),
    );
  });

  describe.each(packages)('$folder', ({ dir, folder, json }) => {
    const kind = folder.includes('/') ? folder.split('/')[0]! : null;
    const isCore = json.name === '@deal-scout/core';

    it('has a README.md', () => {
      expect(existsSync(join(dir, 'README.md')), `${folder}/README.md`).toBe(true);
    });

    it('declares engines.node', () => {
      expect(json.engines?.node, `${folder} engines.node`).toMatch(/\d/);
    });

    it.skipIf(isCore)('declares @deal-scout/core and zod as peer dependencies', () => {
      expect(Object.keys(json.peerDependencies ?? {})).toEqual(
        expect.arrayContaining(['@deal-scout/core', 'zod']),
      );
    });

    it(`exports ${isCore ? 'createDealScout' : 'a create* factory'} from src/index.ts`, async () => {
      const module = (await import(pathToFileURL(join(dir, 'src', 'index.ts')).href)) as Record<
        string,
        unknown
      >;
      const factories = Object.keys(module).filter(
        (name) => /^create[A-Z]/.test(name) && typeof module[name] === 'function',
      );
      if (isCore) expect(factories).toContain('createDealScout');
      else expect(factories.length, `${folder} exports no create* function`).toBeGreaterThan(0);
    });

    const suite = kind ? suiteByKind[kind] : undefined;
    it.skipIf(!suite && !isCore)('runs the conformance suite of its contract in its tests', () => {
      const sources = testSources(dir);
      const expected = isCore ? Object.values(suiteByKind) : [suite!];
      for (const name of expected) expect(sources.includes(name), `${folder} tests call ${name}`).toBe(true);
    });
  });
});
