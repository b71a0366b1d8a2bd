import { z } from 'zod';
import { ItemRefSchema, OUTCOMES } from '../scenario/goals-schema.js';
import { CHECKLIST_IDS } from '../scenario/schema.js';
import { ScenarioIdSchema, SessionIdSchema, StepIdSchema } from '../session/ids.js';
import { ANALYSIS_FORMAT_VERSION, type SessionAnalysis } from './analyze.js';

/**
 * analysis.json as read back from disk (this laptop's, or one imported in a bundle): checked
 * field by field so a damaged or hand-edited file is refused with a clear message instead of
 * breaking the findings panel, the library or a report.
 */
const frame = z.number().int().nonnegative().max(2 ** 31);
const SegmentSchema = z.strictObject({ start: frame, end: frame });
const finiteOrNull = z.number().finite().nullable();

const TranscriptSchema = z.strictObject({
  text: z.string().max(100_000),
  words: z.array(z.strictObject({ word: z.string().max(200), startFrame: frame, endFrame: frame, confidence: z.number().min(0).max(1).optional() })).max(50_000),
});

const EvidenceSchema = z.strictObject({
  startFrame: frame,
  endFrame: frame,
  stepId: StepIdSchema.optional(),
  quote: z.string().max(100_000).optional(),
  measured: z.number().finite().optional(),
  threshold: z.number().finite().optional(),
  unit: z.string().max(32).optional(),
  note: z.string().max(2000).optional(),
});

const FindingSchema = z.strictObject({
  checklist: z.enum(CHECKLIST_IDS),
  item: z.string().regex(/^[a-z0-9-]{1,64}$/),
  title: z.string().max(500),
  kind: z.enum(['auto', 'coach-only']),
  status: z.enum(['pass', 'fail', 'needs-review', 'not-applicable']),
  rule: z.string().max(64),
  summary: z.string().max(2000),
  evidence: z.array(EvidenceSchema).max(10_000),
});

const TurnReportSchema = z.strictObject({
  stepId: StepIdSchema,
  kind: z.enum(['spoken', 'typed']),
  repeatOf: StepIdSchema.nullable(),
  invitedFrame: frame,
  endedFrame: frame,
  speech: SegmentSchema.nullable(),
  segments: z.array(SegmentSchema).max(10_000),
  latencySeconds: finiteOrNull,
  loudnessDb: finiteOrNull,
  pitchMedianHz: finiteOrNull,
  pitchRangeSemitones: finiteOrNull,
  wordsPerMinute: finiteOrNull,
  talkOver: z.array(SegmentSchema).max(10_000),
  sighs: z.array(SegmentSchema).max(10_000),
  text: z.string().max(100_000).nullable(),
  transcript: TranscriptSchema.nullable(),
});

const HoldSchema = z.strictObject({
  stepId: StepIdSchema,
  startFrame: frame,
  endFrame: frame,
  reason: z.enum(['elapsed', 'resumed']),
  checkInEverySeconds: z.number().positive().nullable(),
});

export const SessionAnalysisSchema = z.strictObject({
  formatVersion: z.literal(ANALYSIS_FORMAT_VERSION),
  sessionId: SessionIdSchema,
  scenarioId: ScenarioIdSchema,
  sampleRate: z.number().int().min(8000).max(96_000),
  transcriber: z.strictObject({ engine: z.string().max(64), note: z.string().max(2000).optional() }),
  checklists: z.array(z.enum(CHECKLIST_IDS)),
  turns: z.array(TurnReportSchema).max(10_000),
  holds: z.array(HoldSchema).max(10_000),
  findings: z.array(FindingSchema).max(10_000),
  outcome: z
    .strictObject({
      outcome: z.enum(OUTCOMES),
      item: ItemRefSchema,
      line: z.strictObject({ stepId: StepIdSchema, caption: z.string().max(2000), startFrame: frame, endFrame: frame }),
      answerStepId: StepIdSchema.nullable(),
    })
    .optional(),
});

// What the schema accepts must be usable as the type analyzeSession returns (the unit test
// checks the other way round: a real analysis passes the schema).
const parsedIsAnalysis: z.infer<typeof SessionAnalysisSchema> extends SessionAnalysis ? true : never = true;
void parsedIsAnalysis;

export type AnalysisRead = { readonly ok: true; readonly analysis: SessionAnalysis } | { readonly ok: false; readonly reason: string };

/** Parses the text of an analysis.json; `reason` names the first bad field. */
export function parseSessionAnalysis(text: string): AnalysisRead {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const version = (raw as { formatVersion?: unknown } | null)?.formatVersion;
  if (version !== ANALYSIS_FORMAT_VERSION) return { ok: false, reason: `format version ${String(version)}, expected ${ANALYSIS_FORMAT_VERSION}` };
  const parsed = SessionAnalysisSchema.safeParse(raw);
  if (parsed.success) return { ok: true, analysis: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, reason: `${issue?.path.join('.') || '(top)'}: ${issue?.message ?? 'invalid'}` };
}
