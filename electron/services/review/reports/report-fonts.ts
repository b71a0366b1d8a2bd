import { existsSync } from 'node:fs';

/**
 * The fonts of a report. A Unicode TrueType font from the system is embedded when one is found
 * (DejaVu Sans on Linux, Arial on Windows and macOS), so names such as "Łukasz Wróbel" print as
 * written. Otherwise PDF's built-in Helvetica is used: it covers Western European letters
 * ("José Núñez"), and other characters are printed without accents or as "?" (`toStandardText`).
 */

export type ReportFonts =
  | { readonly kind: 'embedded'; readonly regular: string; readonly bold: string }
  | { readonly kind: 'standard' };

const CANDIDATES: readonly (readonly [string, string])[] = [
  ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'],
  ['/usr/share/fonts/TTF/DejaVuSans.ttf', '/usr/share/fonts/TTF/DejaVuSans-Bold.ttf'],
  ['/usr/share/fonts/dejavu/DejaVuSans.ttf', '/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf'],
  ['C:\\Windows\\Fonts\\arial.ttf', 'C:\\Windows\\Fonts\\arialbd.ttf'],
  ['/System/Library/Fonts/Supplemental/Arial.ttf', '/System/Library/Fonts/Supplemental/Arial Bold.ttf'],
  ['/Library/Fonts/Arial.ttf', '/Library/Fonts/Arial Bold.ttf'],
];

export function findReportFonts(): ReportFonts {
  for (const [regular, bold] of CANDIDATES) {
    if (existsSync(regular) && existsSync(bold)) return { kind: 'embedded', regular, bold };
  }
  return { kind: 'standard' };
}

/** The characters beyond Latin-1 that the built-in fonts' WinAnsi encoding has. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

function isWinAnsi(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || ch === '\n' || WIN_ANSI_EXTRA.has(ch);
}

/** Text the built-in fonts can print: "Łukasz → ok" becomes "Lukasz -> ok". */
export function toStandardText(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (isWinAnsi(ch)) out += ch;
    else if (ch === '→') out += '->';
    else if (ch === 'Ł' || ch === 'ł') out += ch === 'Ł' ? 'L' : 'l';
    else {
      const base = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      out += base.length > 0 && [...base].every(isWinAnsi) ? base : '?';
    }
  }
  return out;
}
