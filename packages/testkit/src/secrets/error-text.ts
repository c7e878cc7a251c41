/**
 * Everything an error could leak through: message, stack, own properties and the whole cause
 * chain. Adapter tests assert that a secret (token, password, signing key) appears nowhere in it.
 */
export function errorText(error: unknown): string {
  const parts: string[] = [];
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current !== undefined && current !== null && !seen.has(current)) {
    seen.add(current);
    if (current instanceof Error) {
      parts.push(current.message, current.stack ?? '');
      for (const key of Object.keys(current))
        parts.push(key, safeStringify((current as unknown as Record<string, unknown>)[key]));
      current = current.cause;
    } else {
      parts.push(safeStringify(current));
      break;
    }
  }
  return parts.join('\n');
}

function safeStringify(value: unknown): string {
  const seen = new WeakSet<object>();
  try {
    return (
      JSON.stringify(value, (_key, item: unknown) => {
        if (typeof item === 'object' && item !== null) {
          if (seen.has(item)) return '[circular]';
          seen.add(item);
        }
        return item;
      }) ?? String(value)
    );
  } catch {
    return String(value);
  }
}
