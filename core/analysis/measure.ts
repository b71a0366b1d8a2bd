import { blockFrames, blockLevels, energyMeanDb } from './levels.js';
import { summarizePitch, trackPitch, type PitchFrame, type PitchSummary } from './pitch.js';
import { possibleSighs } from './sigh.js';
import { activeSegments, clip, gaps, overlaps, speechSegments, type Segment } from './speech-segments.js';
import type { AnswerWindow, Timeline } from './timeline.js';
import { tokens, type TurnTranscript } from './transcript.js';

/** The two channels of a session recording (channel 0 = customer bus, channel 1 = trainee mic). */
export interface SessionAudio {
  readonly sampleRate: number;
  readonly customer: Int16Array;
  readonly trainee: Int16Array;
}

/** The measurements of one answer. Times are file frames; null where there is nothing to measure. */
export interface TurnMeasure {
  readonly stepId: string;
  readonly kind: 'spoken' | 'typed';
  readonly repeatOf: string | null;
  readonly invitedFrame: number;
  readonly endedFrame: number;
  /** Trainee speech in this answer (voice activity on channel 1). */
  readonly segments: readonly Segment[];
  /** From the first speech onset to the last speech end. */
  readonly speech: Segment | null;
  /** Seconds from the invitation (end of the customer's line) to the first speech. */
  readonly latencySeconds: number | null;
  /** Active-speech level, dBFS. */
  readonly loudnessDb: number | null;
  readonly pitch: PitchSummary;
  readonly words: readonly string[];
  readonly wordsPerMinute: number | null;
  /** Trainee speech over the customer's speech. */
  readonly talkOver: readonly Segment[];
  /** Silences on both channels between the invitation and the end of the answer. */
  readonly silences: readonly Segment[];
  readonly sighs: readonly Segment[];
  /** Typed text, or the transcript. */
  readonly text: string | null;
  readonly transcribed: boolean;
}

export interface SessionMeasures {
  readonly sampleRate: number;
  readonly customerSpeech: readonly Segment[];
  readonly traineeSpeech: readonly Segment[];
  readonly turns: readonly TurnMeasure[];
  /** All trainee speech over the customer's speech, with the customer line it cut into. */
  readonly talkOver: readonly (Segment & { readonly lineStepId: string })[];
}

/** Trainee speech per channel 1 voice activity, and customer speech (lines ∩ channel-0 activity). */
export function speechOf(audio: SessionAudio, timeline: Timeline): { trainee: Segment[]; customer: Segment[] } {
  const size = blockFrames(audio.sampleRate);
  const trainee = speechSegments(blockLevels(audio.trainee, size), size, audio.sampleRate);
  const bus = activeSegments(blockLevels(audio.customer, size), size, audio.sampleRate);
  const customer = timeline.lines
    .flatMap((line) => (line.voice === 'system' ? [{ start: line.startFrame, end: line.endFrame }] : clip(bus, line.startFrame, line.endFrame)))
    .sort((a, b) => a.start - b.start);
  return { trainee, customer };
}

/** The speech of an answer: segments that start between the customer's line and the answer's end. */
export function answerSegments(trainee: readonly Segment[], answer: AnswerWindow): Segment[] {
  const from = answer.lineStartFrame ?? answer.invitedFrame;
  return trainee.filter((s) => s.start >= from && s.start < answer.endedFrame);
}

function loudness(samples: Int16Array, segments: readonly Segment[], sampleRate: number): number | null {
  const size = blockFrames(sampleRate);
  const dbs: number[] = [];
  for (const s of segments) {
    const levels = blockLevels(samples.subarray(s.start, s.end), size);
    const peak = Math.max(...levels);
    // Only the voiced part: blocks within 30 dB of the loudest one.
    for (const d of levels) if (d > peak - 30) dbs.push(d);
  }
  return energyMeanDb(dbs);
}

/** A pace from fewer words is mostly noise (one long pause, one clipped word). */
export const MIN_WORDS_FOR_PACE = 6;

/**
 * Pitch frames of one speech segment of the trainee channel: trackPitch, or frames made earlier
 * for exactly these samples (the analysis job's cache, filled while the call runs).
 */
export type PitchFramesOf = (trainee: Int16Array, segment: Segment, sampleRate: number) => readonly PitchFrame[];

export const trackSegmentPitch: PitchFramesOf = (trainee, segment, sampleRate) => trackPitch(trainee, segment.start, segment.end, sampleRate);

/** Speech on each channel (speechOf), worked out once by a caller that needs it twice. */
export interface SessionSpeech {
  readonly trainee: readonly Segment[];
  readonly customer: readonly Segment[];
}

export interface MeasureOptions {
  readonly sighMinSeconds: number;
  /** trackPitch by default. */
  readonly pitchFrames?: PitchFramesOf;
  /** speechOf(audio, timeline) when the caller has it already. */
  readonly speech?: SessionSpeech;
}

function measureTurn(audio: SessionAudio, answer: AnswerWindow, trainee: readonly Segment[], customer: readonly Segment[], transcript: TurnTranscript | undefined, opts: MeasureOptions): TurnMeasure {
  const rate = audio.sampleRate;
  const base = { stepId: answer.stepId, kind: answer.kind, repeatOf: answer.repeatOf, invitedFrame: answer.invitedFrame, endedFrame: answer.endedFrame };
  if (answer.kind === 'typed') {
    const text = answer.text ?? '';
    return {
      ...base, segments: [], speech: null, latencySeconds: null, loudnessDb: null, pitch: { medianHz: null, rangeSemitones: null, voicedFrames: 0 },
      words: tokens(text), wordsPerMinute: null, talkOver: [], silences: [], sighs: [], text, transcribed: false,
    };
  }
  const segments = answerSegments(trainee, answer);
  const first = segments[0];
  const last = segments.at(-1);
  const speech = first && last ? { start: first.start, end: last.end } : null;
  const pitchOf = opts.pitchFrames ?? trackSegmentPitch;
  const pitchFrames = segments.flatMap((s) => pitchOf(audio.trainee, s, rate));
  const words = transcript ? tokens(transcript.text) : [];
  const spokenSeconds = segments.reduce((sum, s) => sum + (s.end - s.start), 0) / rate;
  const floorEnd = speech ? Math.max(speech.end, answer.invitedFrame) : answer.endedFrame;
  const silences = gaps([...trainee, ...customer], answer.invitedFrame, floorEnd);
  return {
    ...base,
    segments,
    speech,
    latencySeconds: first ? (first.start - answer.invitedFrame) / rate : null,
    loudnessDb: loudness(audio.trainee, segments, rate),
    pitch: summarizePitch(pitchFrames),
    words,
    wordsPerMinute: transcript && spokenSeconds > 0 && words.length >= MIN_WORDS_FOR_PACE ? (words.length / spokenSeconds) * 60 : null,
    talkOver: overlaps(segments, customer),
    silences,
    sighs: possibleSighs(pitchFrames, rate, opts.sighMinSeconds),
    text: transcript ? transcript.text : null,
    transcribed: transcript !== undefined,
  };
}

/** The stretch of channel 1 to transcribe for each answer (index for index with timeline.answers), or null. */
export function transcriptionSpans(audio: SessionAudio, timeline: Timeline, speech: SessionSpeech = speechOf(audio, timeline)): (Segment | null)[] {
  const { trainee } = speech;
  const pad = Math.round(0.2 * audio.sampleRate);
  return timeline.answers.map((a) => {
    const segments = a.kind === 'spoken' ? answerSegments(trainee, a) : [];
    const first = segments[0];
    const last = segments.at(-1);
    return first && last ? { start: Math.max(0, first.start - pad), end: Math.min(audio.trainee.length, last.end + pad) } : null;
  });
}

/** Every answer measured; `transcripts` go index for index with timeline.answers. */
export function measureSession(audio: SessionAudio, timeline: Timeline, transcripts: readonly (TurnTranscript | null)[], opts: MeasureOptions): SessionMeasures {
  const { trainee, customer } = opts.speech ?? speechOf(audio, timeline);
  const turns = timeline.answers.map((a, i) => measureTurn(audio, a, trainee, customer, transcripts[i] ?? undefined, opts));
  const talkOver = overlaps(trainee, customer).map((o) => ({ ...o, lineStepId: timeline.lines.find((l) => l.startFrame <= o.start && o.start < l.endFrame)?.stepId ?? '' }));
  return { sampleRate: audio.sampleRate, customerSpeech: customer, traineeSpeech: trainee, turns, talkOver };
}
