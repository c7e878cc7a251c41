import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';

/** One recorded HTTP request and the response the server gave. Bodies are text (UTF-8). */
export const HttpExchangeSchema = z.object({
  request: z.object({
    method: z.string().min(1),
    url: z.url(),
    headers: z.record(z.string(), z.string()).default({}),
    body: z.string().nullable().default(null),
  }),
  response: z.object({
    status: z.number().int().min(100).max(599),
    headers: z.record(z.string(), z.string()).default({}),
    body: z.string().default(''),
  }),
});
export type HttpExchange = z.output<typeof HttpExchangeSchema>;

/** A fixture file of recorded exchanges, in the order they happened. */
export const HttpFixtureSchema = z.object({
  version: z.literal(1),
  /** Where the recording came from, for people reading the file (`eBay Browse API sandbox`). */
  description: z.string().optional(),
  exchanges: z.array(HttpExchangeSchema),
});
export type HttpFixture = z.output<typeof HttpFixtureSchema>;

/** Reads and validates an HTTP fixture file. */
export async function readHttpFixture(path: string): Promise<HttpFixture> {
  return HttpFixtureSchema.parse(JSON.parse(await readFile(path, 'utf8')));
}

/** Writes an HTTP fixture file (pretty-printed, so diffs review well), creating its folder. */
export async function writeHttpFixture(path: string, fixture: HttpFixture): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(HttpFixtureSchema.parse(fixture), null, 2)}\n`);
}
