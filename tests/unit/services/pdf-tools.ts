import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readPng } from '../../support/png.js';

/** poppler-utils (scripts/install-test-deps.sh): a PDF's text, its page count, a page as PNG and its ink. */

/** The text of a PDF with all whitespace (line breaks inside table cells too) collapsed to single spaces. */
export function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

export function pdfPages(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN);
}

/** Renders one page with pdftoppm at 60 dpi to `<prefix>.png`, and returns that path. */
export function renderPage(path: string, page: number, prefix: string): string {
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(page), '-l', String(page), '-singlefile', path, prefix]);
  const png = `${prefix}.png`;
  if (!existsSync(png)) throw new Error(`pdftoppm wrote no ${png}`);
  return png;
}

/** Share of pixels that are not near-white, and of strongly coloured ones (the status badges, headings). */
export function ink(pngPath: string): { width: number; height: number; dark: number; coloured: number } {
  const { width, height, rgb } = readPng(pngPath);
  let dark = 0;
  let coloured = 0;
  for (let i = 0; i < width * height; i++) {
    const r = rgb[i * 3] ?? 255;
    const g = rgb[i * 3 + 1] ?? 255;
    const b = rgb[i * 3 + 2] ?? 255;
    if (Math.min(r, g, b) < 160) dark++;
    if (Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
  }
  return { width, height, dark: dark / (width * height), coloured: coloured / (width * height) };
}
