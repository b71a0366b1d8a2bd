import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportFile } from '../../../../core/api.js';
import { TryoutError } from '../../../../core/errors.js';
import { writeFileAtomicSync } from '../../storage/atomic-write.js';
import { asciiSlug } from '../../../../core/slug.js';

/**
 * Where reports go and what they are called: `<data dir>/reports/<kind>-<subject>-<yyyymmdd>-<hhmmss>.pdf`,
 * served for download under /media/reports/<file name>. The subject is a session id or a slug of
 * the candidate's name, so a file name never carries anything path-like.
 */

export type ReportKind = 'session' | 'candidate';

export const REPORT_FILE_NAME = /^(?:session|candidate)-[a-z0-9][a-z0-9-]{0,79}-\d{8}-\d{6}(?:-\d{1,3})?\.pdf$/;

export function reportsDir(dataDir: string): string {
  return join(dataDir, 'reports');
}

/** "José Núñez" -> "jose-nunez" (letters without accents, digits, dashes; "candidate" if nothing is left). */
export function subjectSlug(text: string): string {
  const slug = asciiSlug(text);
  return slug.length > 0 ? slug : 'candidate';
}

function stamp(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}${two(at.getMonth() + 1)}${two(at.getDate())}-${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}`;
}

function freeFileName(dir: string, kind: ReportKind, subject: string, at: Date): string {
  for (let n = 1; n < 1000; n++) {
    const name = `${kind}-${subject}-${stamp(at)}${n === 1 ? '' : `-${n}`}.pdf`;
    if (!existsSync(join(dir, name))) return name;
  }
  throw new TryoutError('conflict', 'Too many reports of this subject in one second; try again.');
}

/** Writes the PDF atomically under a new name and says where it is. */
export function saveReport(dataDir: string, kind: ReportKind, subject: string, pdf: Uint8Array, pages: number, at: Date): ReportFile {
  const dir = reportsDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const fileName = freeFileName(dir, kind, subject, at);
  const path = join(dir, fileName);
  writeFileAtomicSync(path, pdf);
  return { fileName, path, url: `/media/reports/${fileName}`, bytes: pdf.byteLength, pages };
}
