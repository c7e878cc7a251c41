import { ValidationError } from '@deal-scout/core';
import { loneSurrogate } from './lone-surrogate';

/**
 * Finds the first value PostgreSQL cannot store faithfully, as `[path, problem]`, or `null`:
 * strings with a NUL character (rejected by `text` and `jsonb`) or a lone UTF-16 surrogate
 * (silently replaced on the way to UTF-8). With `json`, also values JSON cannot carry unchanged
 * (functions, symbols, bigints, non-finite numbers, class instances such as `Date`).
 */
export function findUnstorable(value: unknown, json: boolean, path = ''): [string, string] | null {
  switch (typeof value) {
    case 'string':
      if (value.includes('\u0000')) return [path, 'must not contain a NUL character'];
      if (loneSurrogate.test(value))
        return [path, 'must be well-formed Unicode (a lone surrogate was found)'];
      return null;
    case 'number':
      return json && !Number.isFinite(value) ? [path, 'must be a finite number'] : null;
    case 'boolean':
    case 'undefined':
      return null;
    case 'object': {
      if (value === null) return null;
      if (Array.isArray(value)) {
        for (let index = 0; index < value.length; index++) {
          const found = findUnstorable(value[index], json, `${path}[${index}]`);
          if (found) return found;
        }
        return null;
      }
      const prototype = Object.getPrototypeOf(value);
      if (json && prototype !== Object.prototype && prototype !== null) {
        return [path, 'must be plain JSON (an object, array, string, number, boolean or null)'];
      }
      for (const [key, item] of Object.entries(value)) {
        const itemPath = path ? `${path}.${key}` : key;
        const foundKey = findUnstorable(key, json, itemPath);
        if (foundKey) return foundKey;
        const found = findUnstorable(item, json, itemPath);
        if (found) return found;
      }
      return null;
    }
    default:
      return json ? [path, `must be plain JSON, not a ${typeof value}`] : null;
  }
}

/**
 * Whether PostgreSQL would reject or alter a string: it holds a NUL or a lone surrogate. Uses the
 * engine's native `isWellFormed` (Node.js 20+; not yet in the ES2023 type library).
 */
const isUnstorableText = (text: string) =>
  text.includes('\u0000') || !(text as string & { isWellFormed(): boolean }).isWellFormed();

/**
 * Whether {@link findUnstorable} would find something; the fast path of every write, which
 * builds no paths (they are only worked out for the error).
 */
function hasUnstorable(value: unknown, json: boolean): boolean {
  switch (typeof value) {
    case 'string':
      return isUnstorableText(value);
    case 'number':
      return json && !Number.isFinite(value);
    case 'boolean':
    case 'undefined':
      return false;
    case 'object': {
      if (value === null) return false;
      if (Array.isArray(value)) return value.some((item) => hasUnstorable(item, json));
      const prototype = Object.getPrototypeOf(value);
      if (json && prototype !== Object.prototype && prototype !== null) return true;
      for (const key in value) {
        if (isUnstorableText(key) || hasUnstorable((value as Record<string, unknown>)[key], json))
          return true;
      }
      return false;
    }
    default:
      return json;
  }
}

/** Throws a `ValidationError` naming the field when {@link findUnstorable} finds something. */
export function assertStorable(
  value: unknown,
  options: { readonly subject: string; readonly json?: boolean; readonly field?: string },
): void {
  if (!hasUnstorable(value, options.json ?? false)) return;
  const found = findUnstorable(value, options.json ?? false, options.field ?? '');
  if (!found) return;
  throw new ValidationError({
    issues: [{ field: found[0] || '(input)', message: found[1] }],
    subject: options.subject,
    source: 'storage',
  });
}

/**
 * What `JSON.stringify` writes for the text PostgreSQL cannot store: a NUL (`\u0000`) or a lone
 * surrogate (`\ud800`–`\udfff`; well-formed stringify escapes exactly the lone halves). A
 * string that merely contains a backslash and `u0000` also matches; the exact walk then clears it.
 */
const unstorableEscape = /\\u(?:0000|d[89a-f][0-9a-f]{2})/i;

/**
 * {@link assertStorable} for a value whose JSON text the caller has already built (a batch about
 * to be sent as one `jsonb` parameter): one native regular-expression scan of that text replaces
 * the walk over every string, and only a suspicious text is walked to name the field. For values
 * that are not `json`-checked: the text shows strings, not functions or class instances.
 */
export function assertStorableJsonText(
  json: string,
  value: unknown,
  options: { readonly subject: string; readonly field?: string },
): void {
  if (!unstorableEscape.test(json)) return;
  assertStorable(value, { subject: options.subject, json: false, field: options.field ?? '' });
}

/** Throws a `ValidationError` when the JSON text of a value is longer than `maxBytes`. */
export function assertJsonSize(
  json: string,
  options: { readonly subject: string; readonly field: string; readonly maxBytes: number },
): void {
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes <= options.maxBytes) return;
  throw new ValidationError({
    issues: [
      {
        field: options.field,
        message: `must be at most ${options.maxBytes} bytes as JSON (got ${bytes})`,
      },
    ],
    subject: options.subject,
    source: 'storage',
  });
}
