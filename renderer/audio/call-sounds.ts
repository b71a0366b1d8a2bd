import type { EngineCommand } from '../../core/scenario/engine.js';
import type { Scenario } from '../../core/scenario/schema.js';
import { typingNoiseOf } from '../../core/scenario/step-sounds.js';
import type { SessionEvent } from '../../core/session/events.js';
import type { BusLoop, CallAudio } from './call-audio.js';
import { holdMusicBuffer } from './hold-music.js';
import { typingNoiseBuffer } from './typing-noise.js';

/**
 * The sounds the app makes itself during a call: hold music while the caller is on hold and
 * the customer's typing while a typingNoise step listens. Both play on the playback bus, so
 * they are recorded on channel 0 with the customer's lines, starting at the frame the hold or
 * listen started and ending at the frame it ended (as logged in events.jsonl).
 *
 * They never reach the microphone channel in the recording, so the app's voice-activity
 * detection (channel 1) does not hear them. Through real loudspeakers the microphone would
 * pick them up; a headset avoids that.
 */
export class CallSounds {
  private holdMusic: BusLoop | null = null;
  private typing: BusLoop | null = null;

  private constructor(
    private readonly audio: CallAudio,
    private readonly music: AudioBuffer | null,
    private readonly typingByStep: ReadonlyMap<string, AudioBuffer>,
  ) {}

  /** Generates the buffers the scenario needs once, before the call starts. */
  static prepare(audio: CallAudio, scenario: Scenario): CallSounds {
    const needsMusic = scenario.steps.some((s) => 'hold' in s && s.hold.music);
    const typing = new Map(scenario.steps.filter(typingNoiseOf).map((s) => [s.id, typingNoiseBuffer(audio.ctx, scenario.id, s.id)] as const));
    return new CallSounds(audio, needsMusic ? holdMusicBuffer(audio.ctx) : null, typing);
  }

  /** Follows one engine transition: ends sounds whose step ended, starts the ones asked for. */
  follow(events: readonly SessionEvent[], commands: readonly EngineCommand[]): void {
    for (const e of events) {
      if (e.type === 'hold-ended' || e.type === 'call-ended') this.stopHold(e.frame);
      if (e.type === 'turn-ended' || e.type === 'call-ended') this.stopTyping(e.frame);
    }
    for (const c of commands) {
      if (c.type === 'start-hold' && c.music && this.music) {
        const started = events.find((e) => e.type === 'hold-started' && e.stepId === c.stepId);
        if (!started) continue;
        this.holdMusic = this.audio.playLoop(this.music, started.frame);
        // The hold's end is known now: stop exactly there unless the trainee resumes earlier.
        this.holdMusic.stopAt(started.frame + Math.round(c.seconds * this.audio.sampleRate));
      }
      if (c.type === 'await-speech' && c.typingNoise) {
        const typing = this.typingByStep.get(c.stepId);
        const listening = events.find((e) => e.type === 'listen-started' && e.stepId === c.stepId);
        if (typing && listening) this.typing = this.audio.playLoop(typing, listening.frame);
      }
    }
  }

  stopAll(frame: number): void {
    this.stopHold(frame);
    this.stopTyping(frame);
  }

  private stopHold(frame: number): void {
    this.holdMusic?.stopAt(frame);
    this.holdMusic = null;
  }

  private stopTyping(frame: number): void {
    this.typing?.stopAt(frame);
    this.typing = null;
  }
}
