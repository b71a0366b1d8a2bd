import { accessSync, constants, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { COACH_CLIP_SAMPLE_RATE } from '../../../core/api.js';
import { TryoutError } from '../../../core/errors.js';
import type { CustomerLine } from '../../../core/scenario/library.js';
import { writeFileAtomicSync } from '../storage/atomic-write.js';
import { coachClipPath, resolveLine, toCustomerLine } from './clip-resolution.js';
import type { LibraryEntry, ScenarioRoots } from './scenario-repository.js';
import { currentLibrary } from './scenario-library.js';
import { wavHeader } from '../session/wav.js';

/**
 * A coach's own recording of a customer line, saved as audio/<id>/coach/<step>.wav next to the
 * scenario: in the shipped folder when it can be written, else in the user folder (which the
 * clip resolution reads first).
 */

export interface CoachClipOptions {
  readonly roots: ScenarioRoots;
  /** Forces the answer to "can the shipped folder be written?"; by default the disk is asked. */
  readonly shippedWritable?: boolean;
}

/** Errors that mean "this folder is read-only for us", as opposed to a real failure. */
const READ_ONLY_CODES = new Set(['EACCES', 'EPERM', 'EROFS']);

function isReadOnlyError(error: unknown): boolean {
  return READ_ONLY_CODES.has((error as NodeJS.ErrnoException).code ?? '');
}

function shippedLooksWritable(opts: CoachClipOptions): boolean {
  if (opts.shippedWritable !== undefined) return opts.shippedWritable;
  try {
    accessSync(opts.roots.shipped, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function entryOf(roots: ScenarioRoots, scenarioId: string): LibraryEntry {
  const entry = currentLibrary(roots).entries.get(scenarioId);
  if (!entry) throw new TryoutError('not-found', `There is no scenario "${scenarioId}" (or its file has problems).`);
  return entry;
}

function lineOf(roots: ScenarioRoots, entry: LibraryEntry, stepId: string): CustomerLine {
  const line = resolveLine(roots, entry, stepId);
  if (!line) {
    throw new TryoutError('invalid-argument', `Step "${stepId}" is not a customer line (a say or repeat step) of "${entry.scenario.title}".`);
  }
  if (line.sharesClipWith) {
    throw new TryoutError(
      'invalid-argument',
      `Step "${stepId}" plays the same clip as step "${line.sharesClipWith}" (${line.clip}); record that line instead.`,
    );
  }
  return toCustomerLine(line);
}

/** The mono 16 kHz WAV file of `pcm`. */
export function coachWav(pcm: Uint8Array): Uint8Array {
  const wav = new Uint8Array(44 + pcm.byteLength);
  wav.set(wavHeader(COACH_CLIP_SAMPLE_RATE, 1, pcm.byteLength), 0);
  wav.set(pcm, 44);
  return wav;
}

function writeClip(path: string, wav: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomicSync(path, wav);
}

/** Saves the recording, replacing any earlier one of that line; returns the line as it now plays. */
export function saveCoachClip(opts: CoachClipOptions, input: { scenarioId: string; stepId: string; pcm: Uint8Array }): CustomerLine {
  const { roots } = opts;
  const entry = entryOf(roots, input.scenarioId);
  lineOf(roots, entry, input.stepId);
  const wav = coachWav(input.pcm);
  const userPath = coachClipPath(roots.user, entry.scenario.id, input.stepId);
  let savedInShipped = false;
  if (entry.root === 'shipped' && shippedLooksWritable(opts)) {
    try {
      writeClip(coachClipPath(roots.shipped, entry.scenario.id, input.stepId), wav);
      savedInShipped = true;
    } catch (error) {
      if (!isReadOnlyError(error)) throw error;
    }
  }
  // The user folder is read first: an older recording there would hide the new one.
  if (savedInShipped) rmSync(userPath, { force: true });
  else writeClip(userPath, wav);
  return lineOf(roots, entry, input.stepId);
}

/** Removes the coach's recording of a line (both roots), so the synthetic clip plays again. */
export function deleteCoachClip(opts: CoachClipOptions, input: { scenarioId: string; stepId: string }): CustomerLine {
  const { roots } = opts;
  const entry = entryOf(roots, input.scenarioId);
  lineOf(roots, entry, input.stepId);
  rmSync(coachClipPath(roots.user, entry.scenario.id, input.stepId), { force: true });
  const shippedPath = coachClipPath(roots.shipped, entry.scenario.id, input.stepId);
  if (entry.root === 'shipped' && existsSync(shippedPath)) {
    try {
      if (!shippedLooksWritable(opts)) throw Object.assign(new Error('read-only'), { code: 'EROFS' });
      rmSync(shippedPath, { force: true });
    } catch (error) {
      if (!isReadOnlyError(error)) throw error;
      throw new TryoutError('conflict', 'This line\'s coach recording is in the read-only folder shipped with Tryout, so it cannot be removed here.');
    }
  }
  return lineOf(roots, entry, input.stepId);
}
