import type { Checklist } from '../../../core/analysis/checklist-schema.js';
import type { TurnChecker } from '../../../core/scenario/turns.js';
import type { Vocabulary } from '../../../core/judgement/vocabulary-schema.js';
import type { TrainerClient } from '../../../core/api.js';
import { TryoutError } from '../../../core/errors.js';
import { DEFAULT_VAD, INITIAL_VAD, vadStep, type LevelBlock, type VadState } from '../../../core/audio/vad.js';
import { createEngine, type EngineCommand, type EngineInput, type EngineState } from '../../../core/scenario/engine.js';
import { clipFor, type Scenario } from '../../../core/scenario/schema.js';
import { stillThereLine } from '../../../core/scenario/still-there.js';
import type { SessionEvent } from '../../../core/session/events.js';
import type { Candidate } from '../../../core/session/manifest.js';
import type { Consent } from '../../../core/tryout/consent.js';
import { CallAudio, CALL_SAMPLE_RATE, type MicChoice } from '../../audio/call-audio.js';
import { LiveTranscript } from './live-transcript.js';
import { CallSounds } from '../../audio/call-sounds.js';
import { speakWithSystemVoice } from '../../audio/system-voice.js';
import type { CallView } from '../../store/call-slice.js';
import { ChunkUploader } from './chunk-uploader.js';
import { DraftSaver } from './draft-saver.js';
import { QueueCounter } from './queue-counter.js';
import { TurnTranscripts } from './turn-transcripts.js';

export interface CallControllerDeps {
  readonly client: TrainerClient;
  readonly scenario: Scenario;
  /** For branch rules on checklist results (judged on the answer's words during the call). */
  readonly checklists: readonly Checklist[];
  /** The moves and red flags vocabulary, for branch rules on goal items. */
  readonly vocabulary: Vocabulary | null;
  readonly candidate: Candidate;
  readonly mic: MicChoice;
  readonly patch: (p: Partial<CallView>) => void;
  readonly view: () => CallView;
  /** Start at this step instead of the first (a coach previewing a scenario from the middle). */
  readonly fromStepId?: string;
  /** A tryout candidate's call: the tryout and the consent they gave (stored with the session). */
  readonly tryout?: { readonly tryoutId: string; readonly consent: Consent };
}

/**
 * Runs one call: the pure engine decides, this controller carries out its commands with
 * real audio, stamps everything in file frames, and streams audio, events and drafts to
 * the back end as they happen.
 */
export class CallController {
  private readonly engine: ReturnType<typeof createEngine>;
  private state: EngineState;
  private vad: VadState = INITIAL_VAD;
  private events: SessionEvent[] = [];
  private audio: CallAudio | null = null;
  private uploader: ChunkUploader | null = null;
  private drafts: DraftSaver | null = null;
  private clips = new Map<string, AudioBuffer | null>();
  private line: { endFrame: number; stop: () => void } | null = null;
  private sounds: CallSounds | null = null;
  private readonly queue: QueueCounter | null;
  private timers: ReturnType<typeof setInterval>[] = [];
  private sessionId = '';
  private finishing = false;
  /** Set once the back end can no longer write this call; nothing more is sent. */
  private storageError: TryoutError | null = null;
  private readonly transcript: LiveTranscript;
  private readonly turnTranscripts: TurnTranscripts;
  private checkTurn: TurnChecker | null = null;

  constructor(private readonly deps: CallControllerDeps) {
    // The judge (wink-nlp and its model, ~4 MB) loads with the call, not with the app: see start().
    this.engine = createEngine(deps.scenario, CALL_SAMPLE_RATE, { checkTurn: (turn) => this.checkTurn?.(turn) ?? {} });
    this.transcript = new LiveTranscript(deps.view, deps.patch, CALL_SAMPLE_RATE);
    this.turnTranscripts = new TurnTranscripts(
      () => ({
        client: this.deps.client,
        sessionId: this.sessionId,
        saveRecordedAudio: async () => {
          await this.audio?.flush();
          await this.uploader?.drain();
        },
      }),
      CALL_SAMPLE_RATE,
    );
    this.state = this.engine.initial;
    this.queue = deps.scenario.queue ? new QueueCounter(deps.scenario.queue, CALL_SAMPLE_RATE) : null;
  }

  async start(): Promise<void> {
    const { client, scenario, candidate, patch } = this.deps;
    try {
      const { createTurnChecker } = await import('../../../core/analysis/turn-checks.js');
      this.checkTurn = createTurnChecker(this.deps.checklists, scenario, this.deps.vocabulary);
      const manifest = await client.startSession({ scenarioId: scenario.id, candidate, sampleRate: CALL_SAMPLE_RATE, ...(this.deps.tryout ?? {}) });
      this.sessionId = manifest.id;
      this.uploader = new ChunkUploader(client, manifest.id, (pendingChunks, error) => patch({ pendingChunks, error }), (error) => void this.stopForCoach(error));
      this.drafts = new DraftSaver(client, manifest.id);
      this.audio = await CallAudio.open(this.deps.mic, {
        onChunk: (pcm) => this.uploader?.push(pcm),
        onLevels: (blocks) => this.onLevels(blocks),
      });
      await this.preloadClipsWith(this.audio);
      this.sounds = CallSounds.prepare(this.audio, scenario);
      patch({ sessionId: manifest.id });
      exposeForTests(this);
      this.timers.push(setInterval(() => this.tick(), 50));
      this.timers.push(setInterval(() => void this.flushEvents(), 500));
      const from = this.deps.fromStepId;
      this.dispatch({ type: 'start', frame: this.audio.nowFrame(), ...(from !== undefined ? { fromStepId: from } : {}) });
    } catch (err) {
      if (isStorageFailure(err)) patch({ phase: 'failed', coachNote: err.message });
      else patch({ phase: 'failed', error: err instanceof Error ? err.message : String(err) });
      await this.teardown();
    }
  }

  /**
   * The back end can no longer write this call (disk full, data folder removed): the call stops
   * at once, what was saved stays saved, and the screen says to call the coach, with the reason.
   */
  private async stopForCoach(error: TryoutError): Promise<void> {
    this.storageError ??= error;
    if (this.finishing) return;
    this.finishing = true;
    this.line?.stop();
    this.deps.patch({ phase: 'failed', coachNote: error.message, error: null, caption: null, prompt: null, hint: null, holdSeconds: null, holdStartedAt: null });
    await this.teardown();
  }

  get id(): string {
    return this.sessionId;
  }

  nowFrame(): number {
    return this.audio?.nowFrame() ?? 0;
  }

  done(): void {
    this.dispatch({ type: 'done', frame: this.nowFrame() });
  }

  resume(): void {
    this.dispatch({ type: 'resume', frame: this.nowFrame() });
  }

  hangUp(): void {
    this.dispatch({ type: 'hang-up', frame: this.nowFrame() });
  }

  draftChanged(stepId: string, text: string): void {
    this.drafts?.changed(stepId, text);
  }

  submitTyped(stepId: string, text: string, keystrokes: number, firstKeyFrame: number | null): void {
    if (this.state.phase.kind !== 'typing' || this.state.phase.stepId !== stepId) return;
    this.drafts?.changed(stepId, text);
    this.dispatch({ type: 'typed-submitted', frame: this.nowFrame(), text, keystrokes, firstKeyFrame });
  }

  private dispatch(input: EngineInput): void {
    const t = this.engine.transition(this.state, input);
    this.state = t.state;
    this.events.push(...t.events);
    this.sounds?.follow(t.events, t.commands);
    this.queue?.follow(t.events);
    for (const e of t.events) {
      if (e.type === 'turn-ended') {
        this.transcript.addTurn(e.speechStartFrame, e.speechEndFrame);
        // Every spoken turn, in the background: the analysis after the call reuses the transcript.
        this.turnTranscripts.turnEnded(e);
      }
      if (e.type === 'typed-submitted') this.transcript.add('trainee', e.text);
      if (e.type === 'turn-transcribed' && e.text) this.transcript.showHeard(e.text);
    }
    for (const c of t.commands) this.carryOut(c);
  }

  private carryOut(command: EngineCommand): void {
    const { patch } = this.deps;
    const common = { stepId: 'stepId' in command ? command.stepId : null, hint: null, prompt: null, message: null };
    switch (command.type) {
      case 'play-line':
        patch({ ...common, phase: 'speaking', caption: command.caption, holdSeconds: null });
        this.playLine(command.stepId, command.caption, command.clip);
        return;
      case 'start-hold':
        patch({ ...common, phase: 'holding', holdSeconds: command.seconds, holdStartedAt: Date.now() });
        return;
      case 'stop-hold':
        patch({ holdSeconds: null, holdStartedAt: null });
        return;
      case 'ask-still-there':
        // The listen goes on while the customer asks: the phase stays 'listening'.
        patch({ caption: command.caption });
        this.playLine(command.stepId, command.caption, command.clip, { record: false });
        return;
      case 'await-speech':
        // Speech already running is the engine's to count (it follows voice activity in every phase).
        patch({ ...common, phase: 'listening', hint: command.hint });
        return;
      case 'transcribe-turn':
        patch({ ...common, phase: 'transcribing' });
        void this.transcribe(command.stepId, command.fromFrame, command.toFrame);
        return;
      case 'await-typed':
        patch({ ...common, phase: 'typing', prompt: command.prompt, message: command.message, minChars: command.minChars });
        return;
      case 'end-call':
        void this.finish();
    }
  }

  /**
   * Plays a customer line. `record: false` for the still-there line, which the engine records
   * itself (a 'still-there' event), so the analysis does not take it for a step's line.
   */
  private playLine(stepId: string, caption: string, clip: string, { record } = { record: true }): void {
    const buffer = this.clips.get(clip);
    // A line still playing (a still-there line the trainee answered over) stops for the next one.
    this.line?.stop();
    this.line = null;
    this.transcript.add('customer', caption);
    if (buffer && this.audio) {
      const line = this.audio.playLine(buffer);
      this.line = line;
      this.deps.patch({ captionVoice: 'clip' });
      if (record) this.events.push({ type: 'line-started', frame: line.startFrame, stepId, caption, clip, voice: 'clip', durationFrames: buffer.length });
      return;
    }
    // No clip: the system voice speaks it (not on the recording); captions stay on screen.
    const startFrame = this.nowFrame();
    this.deps.patch({ captionVoice: 'system' });
    if (record) this.events.push({ type: 'line-started', frame: startFrame, stepId, caption, clip: null, voice: 'system', durationFrames: null });
    const spoken = { endFrame: Number.POSITIVE_INFINITY, stop: () => speechSynthesis?.cancel() };
    this.line = spoken;
    void speakWithSystemVoice(caption).then(() => {
      // Only this line's end: a line stopped for the next one must not end that one.
      if (this.line === spoken) this.line = { ...spoken, endFrame: this.nowFrame() };
    });
  }

  private tick(): void {
    if (!this.audio || this.state.phase.kind === 'ended') return;
    const now = this.audio.nowFrame();
    this.finishLineBy(now);
    this.showQueue(now);
    this.dispatch({ type: 'tick', frame: now });
  }

  /**
   * Tells the engine the customer's line has ended if it ended by `frame`. Called before each
   * voice-activity decision too, so speech that starts after the line is never a talk-over.
   */
  private finishLineBy(frame: number): void {
    if (!this.line || frame < this.line.endFrame) return;
    const endFrame = this.line.endFrame;
    this.line = null;
    this.dispatch({ type: 'line-finished', frame: endFrame });
  }

  /** A branch reads what was said: the turn's transcript (the one already asked for when it ended), given to the engine. */
  private async transcribe(stepId: string, fromFrame: number, toFrame: number): Promise<void> {
    const answer = await this.turnTranscripts.get(fromFrame, toFrame, this.state.turns.at(-1)?.stepId);
    this.dispatch({ type: 'transcript', frame: this.nowFrame(), stepId, ...answer });
  }

  /** Records and shows each change of the "callers waiting" counter up to `frame`. */
  private showQueue(frame: number): void {
    if (this.state.phase.kind === 'ended') return;
    const changes = this.queue?.catchUp(frame) ?? [];
    const last = changes.at(-1);
    if (!last) return;
    this.events.push(...changes);
    this.deps.patch({ queueCount: last.count });
  }

  private onLevels(blocks: readonly LevelBlock[]): void {
    const opts = { ...DEFAULT_VAD, sampleRate: CALL_SAMPLE_RATE };
    for (const block of blocks) {
      const r = vadStep(this.vad, block, opts);
      this.vad = r.state;
      // Voice activity is followed in every phase: the engine notices talking over the customer.
      if (r.decision) {
        this.finishLineBy(r.decision.frame);
        this.dispatch(r.decision);
      }
    }
    const last = blocks.at(-1);
    if (last) this.deps.patch({ micDb: last.db, trainee: this.vad.speaking ? 'speaking' : 'silent' });
  }

  private async preloadClipsWith(audio: CallAudio): Promise<void> {
    const { client, scenario } = this.deps;
    const clips = scenario.steps.flatMap((step) => ('say' in step || 'repeat' in step ? [clipFor(step)] : []));
    const stillThere = stillThereLine(scenario);
    if (stillThere) clips.push(stillThere.clip);
    for (const clip of clips) {
      if (!this.clips.has(clip)) this.clips.set(clip, await audio.loadClip(client.clipUrl(scenario.id, clip)).catch(() => null));
    }
  }

  private async flushEvents(): Promise<void> {
    if (this.events.length === 0 || !this.sessionId || this.storageError) return;
    const batch = this.events.splice(0);
    try {
      await this.deps.client.appendEvents({ sessionId: this.sessionId, events: batch });
    } catch (err) {
      if (isStorageFailure(err)) {
        await this.stopForCoach(err);
        return;
      }
      this.events.unshift(...batch); // kept; retried on the next flush
    }
  }

  private async finish(): Promise<void> {
    if (this.finishing) return;
    this.finishing = true;
    const { client, patch } = this.deps;
    patch({ phase: 'saving', caption: null, prompt: null, hint: null });
    try {
      this.line?.stop();
      await this.audio?.flush();
      await this.uploader?.drain();
      await this.drafts?.flushAll();
      while (this.events.length > 0 && !this.storageError) await this.flushEvents();
      if (this.storageError) throw this.storageError;
      await client.finishSession({ sessionId: this.sessionId });
      patch({ phase: 'ended' });
    } catch (err) {
      if (isStorageFailure(err)) patch({ phase: 'failed', coachNote: err.message });
      else patch({ phase: 'failed', error: `The call could not be saved completely: ${err instanceof Error ? err.message : String(err)}` });
    } finally {
      await this.teardown();
    }
  }

  private async teardown(): Promise<void> {
    this.timers.forEach((t) => clearInterval(t));
    this.timers = [];
    this.uploader?.stop();
    await this.audio?.close().catch(() => undefined);
    this.audio = null;
  }
}

function isStorageFailure(err: unknown): err is TryoutError {
  return err instanceof TryoutError && err.code === 'storage-failed';
}

function exposeForTests(controller: CallController): void {
  if (window.__TRYOUT_TEST__) (window as unknown as { __tryoutCall?: CallController }).__tryoutCall = controller;
}
