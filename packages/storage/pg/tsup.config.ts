import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/cli.ts'],
  format: ['esm'],
  dts: { entry: 'src/index.ts', compilerOptions: { paths: {} } },
  sourcemap: true,
  clean: true,
  target: 'es2023',
  tsconfig: 'tsconfig.build.json',
  // pg and PGlite are optional peers loaded on demand; never bundle them.
  external: ['pg', '@electric-sql/pglite'],
});
