import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { ConfigurationError } from '@deal-scout/core';
import { migrationsDirectory } from '../migrations-directory';

/** One versioned SQL script: `0001_initial.sql` is version 1, named `initial`. */
export type Migration = {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  /** SHA-256 of the script (line endings normalised), to detect an edited migration. */
  readonly checksum: string;
};

const fileName = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/**
 * Reads the migrations shipped with the package, in version order.
 *
 * @throws ConfigurationError when the directory is missing or two files share a version.
 */
export async function loadMigrations(directory: URL = migrationsDirectory): Promise<Migration[]> {
  let files: string[];
  try {
    files = await readdir(directory);
  } catch (error) {
    throw new ConfigurationError({
      message: `the migrations directory ${directory.pathname} cannot be read; reinstall @deal-scout/pg`,
      source: 'storage',
      cause: error,
    });
  }
  const migrations: Migration[] = [];
  for (const file of files.sort()) {
    const match = fileName.exec(file);
    if (!match) continue;
    const sql = (await readFile(new URL(file, directory), 'utf8')).replaceAll('\r\n', '\n');
    migrations.push({
      version: Number(match[1]),
      name: match[2] as string,
      sql,
      checksum: createHash('sha256').update(sql).digest('hex'),
    });
  }
  const versions = new Set(migrations.map((migration) => migration.version));
  if (versions.size !== migrations.length) {
    throw new ConfigurationError({
      message: 'two migrations share a version number',
      source: 'storage',
    });
  }
  return migrations;
}
