import { clipFor, type RepeatStep, type SayStep, type Scenario } from './schema.js';

/**
 * The scenario library as the app sees it: two roots (the scenarios shipped with the app and
 * the user's own folder), and for every customer line the clip that will actually be played.
 */

/** 'shipped': the app's scenarios folder. 'user': <data dir>/scenarios (imported packs, coach clips). */
export type ScenarioRoot = 'shipped' | 'user';

/** What plays a customer line: a coach's recording, the rendered clip, or (missing) the system voice. */
export type ClipSource = 'coach' | 'synthetic' | 'missing';

export interface CustomerLine {
  readonly stepId: string;
  readonly kind: 'say' | 'repeat';
  readonly caption: string;
  /** The clip name the call asks for (`clip`, or `<step id>.wav`). */
  readonly clip: string;
  readonly source: ClipSource;
  /** The root of the file that is played; null when missing. */
  readonly root: ScenarioRoot | null;
  /** Changes whenever the played file does (size and modification time); null when missing. */
  readonly version: string | null;
  /**
   * The earlier line this one shares its clip file with, or null. Such a line plays whatever
   * that earlier line plays, so a coach records it there.
   */
  readonly sharesClipWith: string | null;
}

export interface ScenarioOrigin {
  readonly root: ScenarioRoot;
  /** The scenario file, as named in problems. */
  readonly file: string;
  /** True for a user copy that hides the shipped scenario with the same id. */
  readonly shadowsShipped: boolean;
  /** The version of its file (12 hex digits of its SHA-256), as sessions record it. */
  readonly revision: string;
  /** The say and repeat steps, in file order. */
  readonly lines: readonly CustomerLine[];
}

export type CustomerLineStep = SayStep | RepeatStep;

export function isCustomerLineStep(step: Scenario['steps'][number]): step is CustomerLineStep {
  return 'say' in step || 'repeat' in step;
}

export interface CustomerLinePlan {
  readonly step: CustomerLineStep;
  readonly kind: 'say' | 'repeat';
  readonly caption: string;
  readonly clip: string;
  readonly sharesClipWith: string | null;
}

/** The customer lines of a scenario in file order, with the earlier line each shares a clip with. */
export function customerLines(scenario: Scenario): CustomerLinePlan[] {
  const firstByClip = new Map<string, string>();
  const lines: CustomerLinePlan[] = [];
  for (const step of scenario.steps) {
    if (!isCustomerLineStep(step)) continue;
    const clip = clipFor(step);
    const first = firstByClip.get(clip);
    if (first === undefined) firstByClip.set(clip, step.id);
    const kind = 'say' in step ? 'say' : 'repeat';
    const caption = 'say' in step ? step.say : step.repeat.say;
    lines.push({ step, kind, caption, clip, sharesClipWith: first ?? null });
  }
  return lines;
}

/** The media URL of a customer clip; the version makes a re-recorded line a new URL. */
export function clipMediaPath(scenarioId: string, clip: string, version: string | null): string {
  const path = `/media/clips/${encodeURIComponent(scenarioId)}/${encodeURIComponent(clip)}`;
  return version ? `${path}?v=${encodeURIComponent(version)}` : path;
}
