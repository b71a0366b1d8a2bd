import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { monoWav } from './fixtures.js';
import { COACH_ID, COACH_YAML, makeLibrary, takePcm } from './library-fixtures.js';

const f = makeLibrary('revision');
afterAll(async () => {
  await f.service.close();
  rmSync(f.root, { recursive: true, force: true });
});

const revision = async () => (await f.service.api.scenarioRevision({})).revision;

describe('scenarioRevision', () => {
  it('stays the same while nothing changes, and changes with every edit of the scenario folders', async () => {
    const seen = [await revision()];
    expect(await revision()).toBe(seen[0]);
    const changes: (() => unknown)[] = [
      () => appendFileSync(join(f.shipped, `${COACH_ID}.yaml`), '# edited\n'),
      () => writeFileSync(join(f.shipped, 'new-call.yaml'), COACH_YAML.replace(`id: ${COACH_ID}`, 'id: new-call')),
      () => writeFileSync(join(f.shipped, 'audio', COACH_ID, 'bye.wav'), monoWav(100)),
      () => f.service.api.saveCoachClip({ scenarioId: COACH_ID, stepId: 'greet', pcm: takePcm(100, 3) }),
      () => f.service.api.saveCoachClip({ scenarioId: COACH_ID, stepId: 'greet', pcm: takePcm(100, 5) }),
      () => {
        mkdirSync(f.user, { recursive: true });
        writeFileSync(join(f.user, 'own-call.yaml'), COACH_YAML.replace(`id: ${COACH_ID}`, 'id: own-call'));
      },
      () => rmSync(join(f.shipped, 'new-call.yaml')),
    ];
    for (const change of changes) {
      await change();
      const next = await revision();
      expect(seen).not.toContain(next);
      seen.push(next);
    }
  });
});
