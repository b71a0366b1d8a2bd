import { statSync } from 'node:fs';
import { resolveClipPath } from './scenario-repository.js';
import { isSessionId, sessionPaths } from './session-paths.js';

/**
 * Maps a media URL path to a file:
 *   /media/clips/<scenarioId>/<clip>          -> <scenariosDir>/audio/<scenarioId>/<clip>
 *   /media/sessions/<sessionId>/audio.wav     -> <dataDir>/sessions/<sessionId>/audio.wav
 * Anything else (other shapes, "..", encoded separators, missing files) gives null.
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

export function resolveMediaPath(dataDir: string, scenariosDir: string, urlPath: string): string | null {
  if (urlPath.length > MAX_PATH_LENGTH) return null;
  const parts = urlPath.split('/');
  if (parts.length !== 5 || parts[0] !== '' || parts[1] !== 'media') return null;
  const owner = decodeSegment(parts[3] ?? '');
  const file = decodeSegment(parts[4] ?? '');
  if (owner === null || file === null) return null;
  if (parts[2] === 'clips') return resolveClipPath(scenariosDir, owner, file);
  if (parts[2] === 'sessions' && file === 'audio.wav' && isSessionId(owner)) {
    const path = sessionPaths(dataDir, owner).audio;
    return isFile(path) ? path : null;
  }
  return null;
}
