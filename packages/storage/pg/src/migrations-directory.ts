/**
 * Where the package's `.sql` migrations live: `migrations/` at the package root. This file sits
 * one level below the root both as source (`src/`) and once bundled (`dist/`), so the same
 * relative URL works in tests, in the build and in the CLI.
 */
export const migrationsDirectory: URL = new URL('../migrations/', import.meta.url);
