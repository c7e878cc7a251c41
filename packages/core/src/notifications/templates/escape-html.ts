const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => entities[char] as string);
}

/**
 * A URL safe to put in `href`/`src`: only absolute `http:`/`https:` URLs are kept (so a
 * `javascript:` or `data:` URL from a listing can never reach a mail client), escaped for an
 * attribute; anything else is `null`.
 */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    return escapeHtml(parsed.href);
  } catch {
    return null;
  }
}
