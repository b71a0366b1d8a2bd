/**
 * npm run rehearse -- --scenario <id> [--voice <wav>]... [--typed <file>] [--out <dir>]
 * Runs a scenario in the real app with a virtual microphone; prints which speech engine
 * transcribes and which decides branches (and why) before the call, then the session folder and,
 * as the last line, a JSON summary (steps, turns with times, durations).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { rehearse, RehearsalInputError } from './rehearse/rehearsal.js';
import { loadVoice } from './rehearse/voices.js';

const USAGE = 'usage: npm run rehearse -- --scenario <id> [--voice <wav>]... [--typed <file>] [--out <dir>] [--answer-delay-ms N]';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        scenario: { type: 'string' },
        voice: { type: 'string', multiple: true, default: [] },
        typed: { type: 'string' },
        out: { type: 'string' },
        'answer-delay-ms': { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help || !values.scenario) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const voices = values.voice.map((path) => loadVoice(path));
  const typed = values.typed ? readFileSync(values.typed, 'utf8').split(/\r?\n/).filter((l) => l.length > 0) : [];
  const delay = values['answer-delay-ms'] ? Number(values['answer-delay-ms']) : undefined;
  const result = await rehearse({
    scenarioId: values.scenario,
    voices,
    typed,
    ...(values.out ? { dataDir: values.out } : {}),
    ...(delay !== undefined ? { answerDelayMs: delay } : {}),
    onSpeechStatus: (line) => console.log(line),
  });
  console.log(`session folder: ${result.sessionDir}`);
  console.log(JSON.stringify(result.summary));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`rehearse: ${err instanceof Error ? err.message : String(err)}`);
    // 2: the command line asked for something that cannot run (as for a usage error).
    process.exit(err instanceof RehearsalInputError ? 2 : 1);
  },
);
