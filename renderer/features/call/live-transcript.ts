import type { CallView } from '../../store/call-slice.js';

type Who = 'customer' | 'trainee';

/** The "Call so far" list on the call screen: customer captions and the trainee's answers. */
export class LiveTranscript {
  constructor(
    private readonly view: () => CallView,
    private readonly patch: (p: Partial<CallView>) => void,
    private readonly sampleRate: number,
  ) {}

  add(who: Who, text: string): void {
    this.patch({ transcript: [...this.view().transcript, { who, text }] });
  }

  /** A spoken turn, until its transcript (if any) arrives. */
  addTurn(start: number | null, end: number | null): void {
    this.add('trainee', start === null || end === null ? '(no answer)' : `(spoken answer, ${((end - start) / this.sampleRate).toFixed(1)} s)`);
  }

  /** The trainee's latest spoken line shows what was heard. */
  showHeard(text: string): void {
    const lines = [...this.view().transcript];
    const index = lines.findLastIndex((l) => l.who === 'trainee');
    if (index < 0) return;
    lines[index] = { who: 'trainee', text: `“${text}”` };
    this.patch({ transcript: lines });
  }
}
