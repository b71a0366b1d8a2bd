import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { soundswallowerModel } from '../speech/soundswallower-model.js';
import type { SpotterReply, SpotterRequest } from './spotter-messages.js';
import { spotterEngineName, type SpotterTranscriber } from './spotter-transcriber.js';
import type { Transcript } from './transcriber.js';

/**
 * How to start the thread, as analysis-runner.ts does: from source (tsx) the thread registers tsx
 * first; in the Electron bundle it is spotter-thread.js next to main.js (scripts/build-electron.mjs).
 */
function startThread(): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const target = new URL('./spotter-thread.ts', here).href;
    const tsx = import.meta.resolve('tsx/esm/api');
    return new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); })`, { eval: true });
  }
  const bundled = fileURLToPath(new URL('./spotter-thread.js', here));
  if (!existsSync(bundled)) throw new Error(`the phrase spotter's thread is missing: ${bundled}`);
  return new Worker(bundled);
}

/**
 * The phrase spotter of the back end, run in its own thread (started on first use, kept for the
 * back end's life, never keeping the process alive). A thread that fails is started again on the next call.
 */
export function createThreadSpotter(): SpotterTranscriber {
  const model = soundswallowerModel();
  let thread: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (t: Transcript | null) => void; reject: (e: Error) => void }>();

  const running = (): Worker => {
    if (thread) return thread;
    const started = startThread();
    started.unref();
    started.on('message', (m: SpotterReply) => {
      const waiting = pending.get(m.id);
      pending.delete(m.id);
      if ('error' in m) waiting?.reject(new Error(m.error));
      else waiting?.resolve(m.transcript);
    });
    const fail = (error: Error) => {
      if (thread === started) thread = null;
      for (const [id, waiting] of pending) {
        pending.delete(id);
        waiting.reject(new Error(`The phrase spotter stopped: ${error.message}`));
      }
    };
    started.on('error', fail);
    started.on('exit', (code) => fail(new Error(`its thread exited (${code})`)));
    thread = started;
    return started;
  };

  const ask = (request: SpotterRequest & { readonly id: number }): Promise<Transcript | null> =>
    new Promise((resolve, reject) => {
      pending.set(request.id, { resolve, reject });
      running().postMessage(request);
    });
  const send = (request: SpotterRequest) => running().postMessage(request);
  const transcriptOf = async (reply: Promise<Transcript | null>): Promise<Transcript> => (await reply) ?? { text: '', words: [] };

  return {
    engine: spotterEngineName(model.engine),
    model: model.engine.model,
    transcribe: (samples, phrases) => transcriptOf(ask({ op: 'transcribe', id: nextId++, samples, phrases })),
    warm: async () => {
      await ask({ op: 'warm', id: nextId++ });
    },
    async listen(phrases) {
      const answer = nextId++;
      await ask({ op: 'listen', id: answer, answer, phrases });
      return {
        feed: (samples) => send({ op: 'feed', answer, samples }),
        finish: () => transcriptOf(ask({ op: 'finish', id: nextId++, answer })),
        cancel: () => send({ op: 'cancel', answer }),
      };
    },
  };
}
