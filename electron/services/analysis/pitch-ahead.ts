import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { blockFrames, blockLevels } from '../../../core/analysis/levels.js';
import { trackPitch } from '../../../core/analysis/pitch.js';
import { RawSpeechSegments, refineEdges } from '../../../core/analysis/speech-segments.js';
import { readChannelRange } from '../session/session-audio.js';
import { isMissing } from '../session/session-files.js';
import { appendPitchFrames, pitchFramesLine, pitchFramesPath } from './pitch-cache.js';

/** Channel 1 of audio.wav is the trainee's microphone. */
const MIC_CHANNEL = 1;

/**
 * The pitch of the trainee's speech, tracked while the call runs: each pass reads what was
 * recorded since the last one, finds the speech segments the analysis will find (the same VAD,
 * which is causal, and the same edge refinement over the levels so far) and appends the pitch
 * frames of each segment that has ended to pitch-frames.jsonl. A segment whose edges come out
 * differently over the whole call is simply tracked again by the analysis.
 */
export class PitchAhead {
  private sampleRate = 0;
  private size = 0;
  private raw: RawSpeechSegments | null = null;
  private levels = new Float64Array(0);
  private blocks = 0;
  /** Trainee samples read but not yet in a whole block. */
  private pending = new Int16Array(0);
  private framesRead = 0;
  /** Segments already in the file (start-end). */
  private written: Set<string> | null = null;

  constructor(private readonly sessionDir: string) {}

  /** One pass over the audio recorded so far. Returns how many segments it tracked. */
  async pass(): Promise<number> {
    const audio = await readChannelRange(join(this.sessionDir, 'audio.wav'), MIC_CHANNEL, this.framesRead, Number.MAX_SAFE_INTEGER);
    if (this.raw === null) {
      this.sampleRate = audio.sampleRate;
      this.size = blockFrames(audio.sampleRate);
      this.raw = new RawSpeechSegments(this.size, audio.sampleRate);
    }
    this.framesRead = audio.toFrame;
    this.addLevels(audio.samples);
    const written = this.written ?? (this.written = await this.segmentsInFile());
    const open = this.raw.open();
    const closed = this.raw.closed;
    const refined = refineEdges(open ? [...closed, open] : closed, this.levels.subarray(0, this.blocks), this.size);
    const fresh = refined.slice(0, closed.length).filter((s) => !written.has(`${s.start}-${s.end}`));
    const lines: string[] = [];
    for (const segment of fresh) {
      const read = await readChannelRange(join(this.sessionDir, 'audio.wav'), MIC_CHANNEL, segment.start, segment.end);
      if (read.fromFrame !== segment.start || read.toFrame !== segment.end) continue;
      const frames = trackPitch(read.samples, 0, read.samples.length, this.sampleRate).map((f) => ({ ...f, frame: f.frame + segment.start }));
      lines.push(pitchFramesLine(read.samples, segment, this.sampleRate, frames, segment.start));
      written.add(`${segment.start}-${segment.end}`);
    }
    await appendPitchFrames(this.sessionDir, lines);
    return lines.length;
  }

  /** Block levels of the new samples, fed to the VAD (blocks start at frame 0, as over the whole channel). */
  private addLevels(samples: Int16Array): void {
    const joined = new Int16Array(this.pending.length + samples.length);
    joined.set(this.pending);
    joined.set(samples, this.pending.length);
    const fresh = blockLevels(joined, this.size);
    this.pending = joined.slice(fresh.length * this.size);
    if (this.blocks + fresh.length > this.levels.length) {
      const grown = new Float64Array(Math.max(2 * this.levels.length, this.blocks + fresh.length, 1024));
      grown.set(this.levels.subarray(0, this.blocks));
      this.levels = grown;
    }
    this.levels.set(fresh, this.blocks);
    this.blocks += fresh.length;
    this.raw?.push(fresh);
  }

  private async segmentsInFile(): Promise<Set<string>> {
    try {
      const text = await readFile(pitchFramesPath(this.sessionDir), 'utf8');
      const keys = new Set<string>();
      for (const match of text.matchAll(/"start":(\d+),"end":(\d+)/g)) keys.add(`${match[1] ?? ''}-${match[2] ?? ''}`);
      return keys;
    } catch (error) {
      if (isMissing(error)) return new Set();
      throw error;
    }
  }
}
