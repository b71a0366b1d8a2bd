import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { EngineInfo } from '../../../core/speech/recognition.js';

/** Where the soundswallower package and its en-us model are, and what they are. */
export interface SoundswallowerModel {
  readonly packageDir: string;
  /** The acoustic model folder (mdef, means, ...), with a trailing separator as soundswallower wants. */
  readonly hmm: string;
  readonly dict: string;
  readonly engine: EngineInfo;
}

/**
 * The model shipped inside the npm package: cmusphinx-en-us-ptm-8khz-5.2 (its README names it),
 * an 8 kHz-band model (filters 130-3700 Hz), so telephone-band speech loses nothing it uses.
 */
const MODEL_ID = 'en-us (cmusphinx-en-us-ptm-8khz-5.2, soundswallower)';

let found: SoundswallowerModel | null = null;

export function soundswallowerModel(): SoundswallowerModel {
  if (found) return found;
  // The package exports no ./package.json; its node entry sits at the package root.
  const packageDir = dirname(createRequire(import.meta.url).resolve('soundswallower'));
  const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version?: unknown };
  const modelDir = join(packageDir, 'model', 'en-us');
  found = {
    packageDir,
    hmm: `${modelDir}/`,
    dict: join(modelDir, 'dict.txt'),
    engine: { name: 'soundswallower', version: typeof pkg.version === 'string' ? pkg.version : 'unknown', model: MODEL_ID },
  };
  return found;
}
