import { z } from 'zod';
import { ScenarioIdSchema } from '../../../core/session/ids.js';
import { unsafeEntryName } from './zip-reader.js';

/**
 * A scenario pack: one zip holding
 *   tryout-pack.json            { format, version, scenarioId, title, exportedAt }
 *   <id>.yaml                   the scenario
 *   audio/<id>/<clip>.wav       synthetic clips (and clips.json, their render hashes)
 *   audio/<id>/coach/<step>.wav coach recordings
 * Every other name is refused, as are names that climb out ("..", absolute, backslashes).
 */

export const PACK_MANIFEST = 'tryout-pack.json';
export const PACK_FORMAT = 'tryout-scenario-pack';
export const PACK_VERSION = 1;
export const PACK_EXTENSION = '.tryout.zip';

export const PACK_LIMITS = {
  holder: 'a scenario pack',
  maxEntries: 400,
  maxTotalBytes: 200 * 1024 * 1024,
  maxClipBytes: 32 * 1024 * 1024,
  maxManifestBytes: 4096,
  maxClipsJsonBytes: 64 * 1024,
} as const;

export const PackManifestSchema = z.strictObject({
  format: z.literal(PACK_FORMAT),
  version: z.number().int(),
  scenarioId: ScenarioIdSchema,
  title: z.string().max(200).optional(),
  exportedAt: z.string().max(64).optional(),
});
export type PackManifest = z.infer<typeof PackManifestSchema>;

export type PackEntryKind =
  | { readonly kind: 'manifest' }
  | { readonly kind: 'scenario'; readonly scenarioId: string }
  | { readonly kind: 'clip'; readonly scenarioId: string; readonly clip: string }
  | { readonly kind: 'coach'; readonly scenarioId: string; readonly stepId: string }
  | { readonly kind: 'clips-json'; readonly scenarioId: string }
  | { readonly kind: 'folder' };

const ID = '[a-z0-9][a-z0-9-]{0,62}[a-z0-9]';
const STEP = '[a-z0-9][a-z0-9-]{0,62}';
const CLIP = '[a-z0-9][a-z0-9._-]{0,120}\\.wav';
const PATTERNS: [RegExp, (m: RegExpExecArray) => PackEntryKind][] = [
  [new RegExp(`^(${ID})\\.yaml$`), (m) => ({ kind: 'scenario', scenarioId: m[1] ?? '' })],
  [new RegExp(`^audio/(${ID})/coach/(${STEP})\\.wav$`), (m) => ({ kind: 'coach', scenarioId: m[1] ?? '', stepId: m[2] ?? '' })],
  [new RegExp(`^audio/(${ID})/clips\\.json$`), (m) => ({ kind: 'clips-json', scenarioId: m[1] ?? '' })],
  [new RegExp(`^audio/(${ID})/(${CLIP})$`), (m) => ({ kind: 'clip', scenarioId: m[1] ?? '', clip: m[2] ?? '' })],
  [new RegExp(`^audio/(?:${ID}/(?:coach/)?)?$`), () => ({ kind: 'folder' })],
];

/** What a pack entry is, or why its name is refused. */
export function classifyEntryName(name: string): PackEntryKind | { readonly refused: string } {
  if (name === PACK_MANIFEST) return { kind: 'manifest' };
  const unsafe = unsafeEntryName(name, 'pack');
  if (unsafe) return { refused: unsafe };
  for (const [pattern, kind] of PATTERNS) {
    const m = pattern.exec(name);
    if (m) return kind(m);
  }
  return { refused: `"${name}" is not a file a scenario pack holds (expected ${PACK_MANIFEST}, <id>.yaml and audio/<id>/... clips)` };
}

/** `<id>-<yyyymmdd-hhmmss>.tryout.zip`, in local time. */
export function packFileName(scenarioId: string, at: Date, suffix = ''): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const date = `${at.getFullYear()}${two(at.getMonth() + 1)}${two(at.getDate())}`;
  const time = `${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}`;
  return `${scenarioId}-${date}-${time}${suffix}${PACK_EXTENSION}`;
}

/** The names packFileName makes (served under /media/exports/). */
export const PACK_FILE_NAME = new RegExp(`^${ID}-\\d{8}-\\d{6}(?:-\\d{1,3})?\\.tryout\\.zip$`);
