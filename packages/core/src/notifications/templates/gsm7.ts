/**
 * GSM 03.38 (GSM-7) awareness for SMS: which characters fit the 7-bit alphabet, how many
 * segments a body takes, and look-alike replacements that keep a body out of UCS-2.
 */

/** The GSM-7 basic character set (one septet each). ESC is left out on purpose. */
const basic = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);

/** The extension table: each costs two septets (ESC + the character). */
const extension = new Set('\f^{}\\[~]|€');

/** Unicode look-alikes that would force UCS-2, and their GSM-7 stand-ins. */
const replacements: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u00B4': "'",
  '`': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u2033': '"',
  '\u00AB': '"',
  '\u00BB': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u2026': '...',
  '\u00A0': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2009': ' ',
  '\u200B': '',
  '\t': ' ',
  '\u2022': '*',
  '\u00B7': '*',
  '\u2122': 'TM',
  '\u00A9': '(c)',
  '\u00AE': '(R)',
  '\u00D7': 'x',
  '\u2044': '/',
  '\u00BC': '1/4',
  '\u00BD': '1/2',
  '\u00BE': '3/4',
  '\u00B0': ' deg',
};

/** Whether a character is in the GSM-7 basic set or its extension table. */
export function isGsm7Char(char: string): boolean {
  return basic.has(char) || extension.has(char);
}

/**
 * Replaces characters that would force UCS-2 with GSM-7 look-alikes where one exists: smart
 * quotes, dashes, ellipsis, odd spaces, and accented Latin letters outside GSM-7 (`á` → `a`,
 * by removing the accent). Characters without a stand-in (emoji, CJK) are kept: dropping them
 * could change the meaning, so the message goes out as UCS-2 instead.
 */
export function toGsm7(text: string): string {
  let out = '';
  for (const char of text) {
    if (isGsm7Char(char)) out += char;
    else if (char in replacements) out += replacements[char];
    else {
      const stripped = char.normalize('NFD').replace(/\p{M}+/gu, '');
      out += stripped.length > 0 && [...stripped].every(isGsm7Char) ? stripped : char;
    }
  }
  return out;
}

/** How an SMS body will be encoded and billed. */
export type SmsAnalysis = {
  readonly encoding: 'GSM-7' | 'UCS-2';
  /** Septets (GSM-7, extension characters count 2) or UTF-16 code units (UCS-2). */
  readonly units: number;
  /** Message segments: 160/153 septets (GSM-7) or 70/67 code units (UCS-2) per segment. */
  readonly segments: number;
};

/**
 * Counts the segments of an SMS body. A body that fits one segment uses 160 septets (GSM-7) or
 * 70 code units (UCS-2); longer bodies are split into segments of 153 or 67 (the rest is the
 * concatenation header), and an escape sequence or a surrogate pair is never split across two.
 */
export function analyzeSms(text: string): SmsAnalysis {
  const gsm = [...text].every(isGsm7Char);
  const costs: number[] = gsm
    ? [...text].map((char) => (extension.has(char) ? 2 : 1))
    : [...text].map((char) => char.length);
  const units = costs.reduce((sum, cost) => sum + cost, 0);
  const [single, multi] = gsm ? [160, 153] : [70, 67];
  if (units === 0) return { encoding: gsm ? 'GSM-7' : 'UCS-2', units, segments: 1 };
  if (units <= single) return { encoding: gsm ? 'GSM-7' : 'UCS-2', units, segments: 1 };
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > multi) {
      segments++;
      used = 0;
    }
    used += cost;
  }
  return { encoding: gsm ? 'GSM-7' : 'UCS-2', units, segments };
}
