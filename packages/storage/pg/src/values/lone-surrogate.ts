/**
 * Matches a UTF-16 surrogate without its partner. With the `u` flag a proper pair is one code
 * point, so only lone halves match; node-postgres would silently turn them into U+FFFD.
 */
export const loneSurrogate = /\p{Cs}/u;
