import { afterEach, beforeEach, describe } from 'vitest';

/** What a conformance suite's `create` returns: the implementation under test and its cleanup. */
export type ConformanceSubject<T> = {
  readonly subject: T;
  /** Called after each test (close pools, drop schemas, stop servers). */
  readonly teardown?: () => Promise<void> | void;
};

/**
 * Options every conformance suite takes. `create` runs before each test and must return a fresh,
 * empty implementation, so tests never see each other's data.
 */
export type ConformanceOptions<T, Toggle extends string> = {
  /** Shown in the test report: `storage conformance: postgres`. */
  readonly name: string;
  readonly create: () => Promise<ConformanceSubject<T>> | ConformanceSubject<T>;
  /** Turns off groups of tests the implementation legitimately cannot support. */
  readonly skip?: Partial<Record<Toggle, boolean>>;
  /** Registers extra tests inside the suite; `getSubject` returns this test's subject. */
  readonly additionalTests?: (getSubject: () => T) => void;
};

/**
 * Declares a suite: a `describe` block with a fresh subject per test, torn down afterwards. `body`
 * registers the tests; `enabled(toggle)` tells whether a group is on.
 */
export function defineConformanceSuite<T, Toggle extends string, O extends ConformanceOptions<T, Toggle>>(
  title: string,
  options: O,
  body: (context: { getSubject: () => T; enabled: (toggle: Toggle) => boolean; options: O }) => void,
): void {
  describe(`${title}: ${options.name}`, () => {
    let current: ConformanceSubject<T> | null = null;
    beforeEach(async () => {
      current = await options.create();
    });
    afterEach(async () => {
      const finished = current;
      current = null;
      await finished?.teardown?.();
    });
    const getSubject = () => {
      if (!current) throw new Error('the conformance subject is only available inside a test');
      return current.subject;
    };
    body({ getSubject, enabled: (toggle) => options.skip?.[toggle] !== true, options });
    if (options.additionalTests) describe('additional tests', () => options.additionalTests?.(getSubject));
  });
}

/** Collects every item by following `nextCursor` until it is `null` (at most `maxPages` pages). */
export async function collectPages<T>(
  fetchPage: (cursor: string | null) => Promise<{ items: readonly T[]; nextCursor: string | null }>,
  maxPages = 10_000,
): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    cursor = page.nextCursor;
    pages++;
    if (pages > maxPages) throw new Error(`paging did not end within ${maxPages} pages`);
  } while (cursor !== null);
  return { items, pages };
}

/** The `code` of a rejected promise's error (`CONFLICT`), or `null` when it resolved. */
export async function errorCodeOf(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'UNKNOWN';
  }
}
