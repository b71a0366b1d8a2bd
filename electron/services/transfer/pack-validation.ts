import { TryoutError } from '../../../core/errors.js';
import { customerLines } from '../../../core/scenario/library.js';
import { formatProblem, MAX_SCENARIO_SIZE, parseScenario } from '../../../core/scenario/load.js';
import type { Scenario } from '../../../core/scenario/schema.js';
import { describeZodError } from '../api-input.js';
import { classifyEntryName, PACK_LIMITS, PACK_MANIFEST, PACK_VERSION, PackManifestSchema, type PackEntryKind } from './pack-format.js';
import { isMissingClip } from '../scenarios/scenario-repository.js';
import { zipChecks, type ClassifiedEntry } from './zip-validation.js';

/**
 * Checks a scenario pack completely, in memory, before anything is written: a real zip within
 * the limits, only the names a pack holds, a manifest of a known version, a scenario that passes
 * the same parser as scenarios:check, and every clip a 16-bit PCM WAV.
 */

export interface ValidatedPack {
  readonly scenario: Scenario;
  /** Files to install, by path relative to a scenarios root (`<id>.yaml`, `audio/<id>/...`). */
  readonly files: ReadonlyMap<string, Uint8Array>;
  readonly clipCount: number;
}

function refuse(reason: string): never {
  throw new TryoutError('invalid-argument', `This file cannot be imported as a scenario pack: ${reason}.`);
}

const zip = zipChecks(refuse);

type FileKind = Exclude<PackEntryKind, { kind: 'folder' }>;
type Classified = ClassifiedEntry<FileKind>;

function maxBytes(kind: FileKind): number {
  switch (kind.kind) {
    case 'manifest':
      return PACK_LIMITS.maxManifestBytes;
    case 'scenario':
      return MAX_SCENARIO_SIZE;
    case 'clips-json':
      return PACK_LIMITS.maxClipsJsonBytes;
    default:
      return PACK_LIMITS.maxClipBytes;
  }
}

function readManifest(bytes: Uint8Array): string {
  const parsed = PackManifestSchema.safeParse(zip.json(bytes, PACK_MANIFEST));
  if (!parsed.success) refuse(`${PACK_MANIFEST} is not a Tryout pack manifest (${describeZodError(parsed.error)})`);
  if (parsed.data.version !== PACK_VERSION) {
    refuse(`it was made in pack format version ${parsed.data.version}, and this Tryout reads version ${PACK_VERSION}`);
  }
  return parsed.data.scenarioId;
}

function checkWav(name: string, bytes: Uint8Array): void {
  const info = zip.wav(bytes, name);
  if (info.bitsPerSample !== 16) refuse(`"${name}" is ${info.bitsPerSample}-bit; clips must be 16-bit PCM`);
  if (info.channels > 2) refuse(`"${name}" has ${info.channels} channels; clips are mono or stereo`);
  if (info.sampleRate < 8000 || info.sampleRate > 96_000) refuse(`"${name}" has an unusual sample rate (${info.sampleRate} Hz)`);
}

function checkClipsJson(name: string, bytes: Uint8Array): void {
  const json = zip.json(bytes, name);
  const ok = typeof json === 'object' && json !== null && !Array.isArray(json) && Object.values(json).every((v) => typeof v === 'string');
  if (!ok) refuse(`"${name}" must map clip names to hashes`);
}

function parsePackScenario(id: string, text: string, clips: ReadonlySet<string>): Scenario {
  const file = `${id}.yaml`;
  const result = parseScenario(file, text, { clipExists: (sid, clip) => sid === id && clips.has(clip) });
  if (result.scenario) return result.scenario;
  // As in the app: lines without a clip are read by the system voice, so that alone is fine.
  const scenario = result.problems.every(isMissingClip) ? parseScenario(file, text).scenario : null;
  if (scenario) return scenario;
  const shown = result.problems.slice(0, 20).map(formatProblem);
  const more = result.problems.length > shown.length ? `\n(and ${result.problems.length - shown.length} more)` : '';
  throw new TryoutError('invalid-argument', `The scenario in this pack has problems:\n${shown.join('\n')}${more}`);
}

export function validatePack(data: Uint8Array): ValidatedPack {
  const classified = zip.entries<FileKind>(data, PACK_LIMITS, classifyEntryName, maxBytes);
  const read = (c: Classified): Uint8Array => zip.read(data, c.entry);
  const manifest = classified.find((c) => c.kind.kind === 'manifest');
  if (!manifest) refuse(`it has no ${PACK_MANIFEST}`);
  const id = readManifest(read(manifest));
  for (const c of classified) {
    if ('scenarioId' in c.kind && c.kind.scenarioId !== id) refuse(`"${c.entry.name}" belongs to another scenario than "${id}"`);
  }
  const yaml = classified.find((c) => c.kind.kind === 'scenario');
  if (!yaml) refuse(`it has no ${id}.yaml`);

  const files = new Map<string, Uint8Array>();
  const clips = new Set<string>();
  const coachSteps: string[] = [];
  for (const c of classified) {
    if (c.kind.kind === 'manifest') continue;
    const bytes = read(c);
    if (c.kind.kind === 'clip' || c.kind.kind === 'coach') checkWav(c.entry.name, bytes);
    if (c.kind.kind === 'clips-json') checkClipsJson(c.entry.name, bytes);
    if (c.kind.kind === 'clip') clips.add(c.kind.clip);
    if (c.kind.kind === 'coach') coachSteps.push(c.kind.stepId);
    files.set(c.entry.name, bytes);
  }
  const scenario = parsePackScenario(id, zip.utf8(files.get(`${id}.yaml`) ?? new Uint8Array(), `${id}.yaml`), clips);
  const recordable = new Set(customerLines(scenario).filter((l) => !l.sharesClipWith).map((l) => l.step.id));
  for (const stepId of coachSteps) {
    if (!recordable.has(stepId)) refuse(`"audio/${id}/coach/${stepId}.wav" is a recording for "${stepId}", which is not a customer line of this scenario`);
  }
  return { scenario, files, clipCount: clips.size + coachSteps.length };
}
