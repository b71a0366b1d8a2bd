/**
 * The phrase spotter's own thread: decoding and rescoring are long synchronous WebAssembly
 * calls, which here never hold up the back end's event loop (audio chunks of a call keep being
 * written). The model loads once, on first use, and stays loaded for the back end's life.
 */
import { parentPort } from 'node:worker_threads';
import { createSpotter } from '../speech/spotter.js';
import type { SpotterReply, SpotterRequest } from './spotter-messages.js';
import { createSpotterTranscriber, type ListeningAnswer } from './spotter-transcriber.js';
import type { Transcript } from './transcriber.js';

const spotter = createSpotterTranscriber(createSpotter());
/** Per answer, its steps in order (a feed waits for the listen before it). */
const answers = new Map<number, Promise<ListeningAnswer | null>>();

const reply = (message: SpotterReply) => parentPort?.postMessage(message);
const answered = (id: number, work: Promise<Transcript | null>) =>
  void work.then(
    (transcript) => reply({ id, transcript }),
    (error: unknown) => reply({ id, error: error instanceof Error ? error.message : String(error) }),
  );

/** Runs `step` after the answer's earlier steps; the answer is dropped after a failure. */
function next<T>(answer: number, step: (a: ListeningAnswer | null) => Promise<T>): Promise<T> {
  const before = answers.get(answer) ?? Promise.resolve(null);
  const run = before.then(step);
  answers.set(answer, run.then(() => before, () => null));
  return run;
}

parentPort?.on('message', (m: SpotterRequest) => {
  switch (m.op) {
    case 'transcribe':
      return answered(m.id, spotter.transcribe(m.samples, m.phrases));
    case 'warm':
      return answered(m.id, spotter.warm().then(() => null));
    case 'listen': {
      const opened = spotter.listen(m.phrases);
      answers.set(m.answer, opened.catch(() => null));
      return answered(m.id, opened.then(() => null));
    }
    case 'feed':
      return void next(m.answer, async (a) => a?.feed(m.samples)).catch(() => undefined);
    case 'finish':
      return answered(
        m.id,
        next(m.answer, async (a) => {
          answers.delete(m.answer);
          if (!a) throw new Error('this answer was not open');
          return a.finish();
        }),
      );
    case 'cancel':
      return void next(m.answer, async (a) => {
        answers.delete(m.answer);
        a?.cancel();
      });
  }
});
