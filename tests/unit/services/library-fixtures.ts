import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach } from 'vitest';
import { createTrainerService, type TrainerService, type TrainerServiceOptions } from '../../../electron/services/trainer-service.js';
import { monoWav, tempRoot } from './fixtures.js';

/** A shipped scenarios folder, a data folder, and a service over them, for the coach and pack tests. */

export const COACH_ID = 'coach-call';

/** Lines: greet (say), again (repeat), echo (say, shares greet.wav), bye (say, clip missing). */
export const COACH_YAML = `id: ${COACH_ID}
title: Coach call
brief: A caller with a few lines.
customer:
  name: Robin
steps:
  - id: greet
    say: "Hello there"
  - id: answer
    listen: {timeoutSeconds: 10}
  - id: again
    repeat: {of: answer, say: "Say that again?"}
  - id: echo
    say: "Hello there again"
    clip: greet.wav
  - id: bye
    say: "Bye"
`;

export interface LibraryFixture {
  readonly root: string;
  readonly shipped: string;
  readonly dataDir: string;
  readonly user: string;
  readonly service: TrainerService;
}

export function makeLibrary(prefix: string, opts: Partial<TrainerServiceOptions> = {}): LibraryFixture {
  const root = tempRoot(prefix);
  const shipped = join(root, 'shipped');
  mkdirSync(join(shipped, 'audio', COACH_ID), { recursive: true });
  writeFileSync(join(shipped, `${COACH_ID}.yaml`), COACH_YAML);
  writeFileSync(join(shipped, 'audio', COACH_ID, 'greet.wav'), monoWav(1600));
  writeFileSync(join(shipped, 'audio', COACH_ID, 'again.wav'), monoWav(2400));
  const dataDir = join(root, 'data');
  const service = createTrainerService({ dataDir, scenariosDir: shipped, log: () => undefined, ...opts });
  return { root, shipped, dataDir, user: join(dataDir, 'scenarios'), service };
}

/** Mono 16-bit PCM of `frames` frames whose samples encode `seed`, so takes can be told apart. */
export function takePcm(frames: number, seed: number): Uint8Array<ArrayBuffer> {
  const samples = new Int16Array(frames).map((_, i) => ((i * seed) % 4000) - 2000);
  return new Uint8Array(samples.buffer);
}

/** Every file under `dir` with a hash of its bytes (relative paths, sorted); [] when absent. */
export function treeDigest(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) {
        out.push(`${relative(dir, path)}/`);
        walk(path);
      } else {
        out.push(`${relative(dir, path)} ${createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16)}`);
      }
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * A maker of libraries for one test file, each closed and removed after its test: call at the
 * top of the file, then `library()` in a test.
 */
export function librariesFor(prefix: string): () => LibraryFixture {
  const fixtures: LibraryFixture[] = [];
  afterEach(async () => {
    for (const f of fixtures.splice(0)) {
      await f.service.close();
      rmSync(f.root, { recursive: true, force: true });
    }
  });
  return () => {
    const f = makeLibrary(prefix);
    fixtures.push(f);
    return f;
  };
}
