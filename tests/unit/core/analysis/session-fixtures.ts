import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeSession } from '../../../../core/analysis/analyze.js';
import { parseChecklist } from '../../../../core/analysis/checklist-load.js';
import type { Checklist } from '../../../../core/analysis/checklist-schema.js';
import { parseScenario } from '../../../../core/scenario/load.js';
import type { Scenario } from '../../../../core/scenario/schema.js';
import { readWav } from '../../../../electron/services/session/wav.js';
import { speech, type FestivalVoice } from '../../../../scripts/rehearse/speech.js';
import { shippedScenario } from '../../../support/judgement-fixtures.js';
import { buildSession, RATE, type Part } from '../../../support/synthetic-session.js';

/** Scenarios, the shipped checklists, and festival lines and answers, for analysis tests. */

/** Frozen copies of the shipped scenarios (tests/fixtures/analysis), so their step ids hold still. */
export function fixtureScenario(id: string): Scenario {
  const file = join('tests', 'fixtures', 'analysis', `${id}.yaml`);
  const parsed = parseScenario(file, readFileSync(file, 'utf8'));
  if (!parsed.scenario) throw new Error(`${file} does not load: ${parsed.problems.map((p) => p.message).join('; ')}`);
  return parsed.scenario;
}

export function shippedChecklists(): Checklist[] {
  const dir = join('scenarios', 'checklists');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const parsed = parseChecklist(join(dir, f), readFileSync(join(dir, f), 'utf8'));
      if (!parsed.checklist) throw new Error(`${f}: ${parsed.problems.map((p) => p.message).join('; ')}`);
      return parsed.checklist;
    });
}

export function voice(text: string, v: FestivalVoice = 'us-slt'): Int16Array {
  return readWav(speech(text, v)).samples[0] ?? new Int16Array(0);
}

/** The customer's line of a say or repeat step, rendered by festival in the customer's voice. */
export function clipOf(scenarioId: string, stepId: string): Int16Array {
  const frozen = fixtureScenario(scenarioId);
  // Lines added to the shipped scenario since it was frozen come from the shipped file.
  const scenario = frozen.steps.some((s) => s.id === stepId) ? frozen : shippedScenario(scenarioId);
  const step = scenario.steps.find((s) => s.id === stepId);
  const text = step && 'say' in step ? step.say : step && 'repeat' in step ? step.repeat.say : null;
  if (text === null) throw new Error(`${scenarioId} has no line ${stepId}`);
  return voice(text, scenario.customer.voice);
}

/** not-listening, answered patiently: full, calm answers each time. */
export const PATIENT_NOT_LISTENING = [
  'I want to work in customer service because I enjoy helping people solve their problems.',
  'Of course. I enjoy helping people, and I like solving their problems calmly.',
  'No problem at all. I really enjoy helping people and solving their problems.',
  'Happy to repeat it. Helping people and solving their problems is what I enjoy most.',
];

/** not-listening, answered impatiently: shorter, louder, with dismissive phrases. */
export const IMPATIENT_NOT_LISTENING = [
  'I want to work in customer service because I enjoy helping people solve their problems.',
  'As I already said, helping people.',
  'Like I said. People.',
  'Calm down. I said it.',
];

/** A real analysis (audio measured, findings evaluated) of a short not-listening session, as the runner writes analysis.json. */
export function realAnalysisText(sessionId: string): string {
  const parts: Part[] = [
    { say: 'ask-why', clip: clipOf('not-listening', 'ask-why') },
    { listen: 'answer', answer: voice(PATIENT_NOT_LISTENING[0] ?? '', 'us-slt'), delaySeconds: 0.6, gainDb: 0 },
  ];
  const built = buildSession(parts, 'not-listening');
  const analysis = analyzeSession({
    sessionId,
    scenario: fixtureScenario('not-listening'),
    events: built.events,
    audio: { sampleRate: RATE, customer: built.customer, trainee: built.trainee },
    transcripts: [null],
    checklists: shippedChecklists(),
    isWord: null,
    transcriber: { engine: 'none', note: 'no recogniser in this test' },
  });
  return `${JSON.stringify(analysis, null, 2)}\n`;
}
