/** A page request: `limit` (1–1000) and an opaque cursor from the previous page. */
export type PageRequestV1 = { readonly limit: number; readonly cursor?: string | null };

/** A page of results; `nextCursor` is `null` on the last page. */
export type PageV1<T> = { readonly items: T[]; readonly nextCursor: string | null };
