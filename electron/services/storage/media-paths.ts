import { statSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLE_FILE_NAME } from '../transfer/bundle-format.js';
import { resolveClipMedia } from '../scenarios/clip-resolution.js';
import { exportsDir } from '../transfer/pack-export.js';
import { PACK_FILE_NAME } from '../transfer/pack-format.js';
import { REPORT_FILE_NAME, reportsDir } from '../review/reports/report-files.js';
import { RESULTS_BOARD_FILE_NAME } from '../tryout/results-board-service.js';
import type { ScenarioRoots } from '../scenarios/scenario-repository.js';
import { currentLibrary } from '../scenarios/scenario-library.js';
import { isSessionId, sessionPaths } from '../session/session-paths.js';
import { TRYOUT_EXPORT_FILE_NAME } from '../tryout/tryout-store.js';

/**
 * Maps a media URL path to a file:
 *   /media/clips/<scenarioId>/<clip>          -> the file that plays that clip: a coach's
 *                                                recording or the synthetic clip (clip-resolution.ts)
 *   /media/sessions/<sessionId>/audio.wav     -> <dataDir>/sessions/<sessionId>/audio.wav
 *   /media/exports/<id>-<date>-<time>.tryout.zip -> <dataDir>/exports/<that file>
 *   /media/exports/sessions-<date>-<time>.tryout -> <dataDir>/exports/<that file> (a session bundle)
 *   /media/exports/tryout-<id>-<date>-<time>.json -> <dataDir>/exports/<that file> (a tryout definition)
 *   /media/exports/results-<id>-<date>-<time>.csv|pdf -> <dataDir>/exports/<that file> (a results board)
 *   /media/reports/<kind>-<subject>-<date>-<time>.pdf -> <dataDir>/reports/<that file>
 * Queries (the clips' ?v=<version>) are not part of the path. Anything else (other shapes, "..", encoded separators, missing files) gives null.
 */

const MAX_PATH_LENGTH = 512;

function decodeSegment(segment: string): string | null {
  try {
    const decoded = decodeURIComponent(segment);
    return /[/\\\0]/.test(decoded) ? null : decoded;
  } catch {
    return null;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function resolveMediaPath(dataDir: string, roots: ScenarioRoots, urlPath: string): string | null {
  if (urlPath.length > MAX_PATH_LENGTH) return null;
  if (urlPath.startsWith('/media/exports/')) return resolveExport(dataDir, urlPath);
  if (urlPath.startsWith('/media/reports/')) return resolveReport(dataDir, urlPath);
  const parts = urlPath.split('/');
  if (parts.length !== 5 || parts[0] !== '' || parts[1] !== 'media') return null;
  const owner = decodeSegment(parts[3] ?? '');
  const file = decodeSegment(parts[4] ?? '');
  if (owner === null || file === null) return null;
  if (parts[2] === 'clips') return resolveClipMedia(roots, currentLibrary(roots), owner, file);
  if (parts[2] === 'sessions' && file === 'audio.wav' && isSessionId(owner)) {
    const path = sessionPaths(dataDir, owner).audio;
    return isFile(path) ? path : null;
  }
  return null;
}

/** /media/exports/<file name>: a pack written by exportScenarioPack or a bundle by exportSessionBundle. */
function resolveExport(dataDir: string, urlPath: string): string | null {
  const parts = urlPath.split('/');
  if (parts.length !== 4 || parts[0] !== '' || parts[1] !== 'media' || parts[2] !== 'exports') return null;
  const name = parts[3] ?? '';
  if (!PACK_FILE_NAME.test(name) && !BUNDLE_FILE_NAME.test(name) && !TRYOUT_EXPORT_FILE_NAME.test(name) && !RESULTS_BOARD_FILE_NAME.test(name)) return null;
  const path = join(exportsDir(dataDir), name);
  return isFile(path) ? path : null;
}

/** /media/reports/<file name>: a PDF written by createReport. */
function resolveReport(dataDir: string, urlPath: string): string | null {
  const parts = urlPath.split('/');
  if (parts.length !== 4 || parts[0] !== '' || parts[1] !== 'media' || parts[2] !== 'reports') return null;
  const name = parts[3] ?? '';
  if (!REPORT_FILE_NAME.test(name)) return null;
  const path = join(reportsDir(dataDir), name);
  return isFile(path) ? path : null;
}
