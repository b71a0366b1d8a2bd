import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { monoWav } from '../fixtures.js';
import { COACH_ID, COACH_YAML, makeLibrary, takePcm } from '../library-fixtures.js';

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

describe('the scenario version in each session', () => {
  it('records the version of the scenario file the call played, and a new one after the file is edited', async () => {
    const g = makeLibrary('version');
    try {
      const file = join(g.shipped, `${COACH_ID}.yaml`);
      const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);
      const start = () => g.service.api.startSession({ scenarioId: COACH_ID, candidate: { name: 'Ada' }, sampleRate: 16_000 });
      const first = await start();
      expect(first.scenarioRevision).toBe(sha(readFileSync(file, 'utf8')));
      const catalog = await g.service.api.listScenarios({});
      expect(catalog.origins[COACH_ID]?.revision).toBe(first.scenarioRevision);
      // The manifest on disk has it too, so the coach sees it on another laptop after an export.
      expect(JSON.parse(readFileSync(join(g.dataDir, 'sessions', first.id, 'manifest.json'), 'utf8'))).toMatchObject({ scenarioRevision: first.scenarioRevision });

      appendFileSync(file, '# a coach reworded a line\n');
      const second = await start();
      expect(second.scenarioRevision).toBe(sha(readFileSync(file, 'utf8')));
      expect(second.scenarioRevision).not.toBe(first.scenarioRevision);
      expect((await g.service.api.listScenarios({})).origins[COACH_ID]?.revision).toBe(second.scenarioRevision);
    } finally {
      await g.service.close();
      rmSync(g.root, { recursive: true, force: true });
    }
  });
});
