import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SpotPhrase } from '../../../../core/speech/recognition.js';
import { soundswallowerModel } from '../../../../electron/services/speech/soundswallower-model.js';
import { createSpotter } from '../../../../electron/services/speech/spotter.js';
import { festivalAnswer, hasFestival, speechSpan } from './festival-answer.js';

if (!hasFestival) console.warn('spotter.test: text2wave or sox not found, spotting tests skipped (apt-get install festival festvox-us-slt-hts sox)');

const PHRASES: readonly SpotPhrase[] = [
  { text: "I'm so sorry", tag: 'move:apologise' },
  { text: 'let me check', tag: 'move:own-it' },
  { text: 'calm down', tag: 'flag:dismiss' },
  { text: 'nothing I can do', tag: 'flag:refuse' },
  { text: 'Zentrova account', tag: 'fact:product' },
  { text: 'booking code HX4471', tag: 'fact:code' },
];
const SR = 16_000;

describe.runIf(hasFestival)('phrase spotter on festival speech', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'tryout-spotter-test-'));
  const spotter = createSpotter();
  let apology: Int16Array;
  let unrelated: Int16Array;
  beforeAll(() => {
    apology = festivalAnswer(dir, 'apology', "I'm so sorry about that. Let me check your account right away.");
    unrelated = festivalAnswer(dir, 'unrelated', 'Good morning, thanks for calling, how can I help you today?');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names the engine, its version from the package and its model', () => {
    const pkg = JSON.parse(readFileSync(join(soundswallowerModel().packageDir, 'package.json'), 'utf8')) as { version: string };
    expect(spotter.engine).toEqual({ name: 'soundswallower', version: pkg.version, model: expect.stringContaining('en-us') });
  });

  it('finds the phrases said, in order, with their tags and times inside the speech', async () => {
    const result = await spotter.spot(apology, PHRASES);
    expect(result.phrases.map((p) => p.tag)).toEqual(['move:apologise', 'move:own-it']);
    const span = speechSpan(apology);
    const slack = 0.1 * SR;
    const [sorry, check] = result.phrases;
    for (const p of result.phrases) {
      expect(p.startFrame).toBeGreaterThanOrEqual(span.start - slack);
      expect(p.endFrame).toBeLessThanOrEqual(span.end + slack);
      expect(p.endFrame).toBeGreaterThan(p.startFrame);
      expect(p.confidence).toBeGreaterThan(0.5);
      expect(p.confidence).toBeLessThanOrEqual(1);
    }
    // "I'm so sorry" opens the answer; "let me check" starts its second sentence, after 1 s.
    expect(sorry?.startFrame).toBeLessThan(span.start + 0.2 * SR);
    expect(check?.startFrame).toBeGreaterThan((sorry?.endFrame ?? 0) + 0.2 * SR);
    expect(result.words.map((w) => w.word).filter((w) => w !== '[filler]')).toEqual(["i'm", 'so', 'sorry', 'let', 'me', 'check']);
  });

  it('reports no phrase in an answer that says none of them', async () => {
    const result = await spotter.spot(unrelated, PHRASES);
    expect(result.phrases).toEqual([]);
    expect(result.words.length).toBeGreaterThan(0);
  });

  it('compiles phrases with words the dictionary lacks, and finds a spelled booking code', async () => {
    const code = festivalAnswer(dir, 'code', 'Your booking code is H X 4 4 7 1.');
    const result = await spotter.spot(code, PHRASES);
    expect(result.phrases.map((p) => p.tag)).toEqual(['fact:code']);
    expect(result.words.filter((w) => w.word === 'hx4471')).toHaveLength(1);
  });

  it('gives the same result for the same input, also when calls overlap', async () => {
    const first = await spotter.spot(apology, PHRASES);
    const [a, b, c] = await Promise.all([spotter.spot(apology, PHRASES), spotter.spot(unrelated, PHRASES), spotter.spot(apology, PHRASES)]);
    expect(a).toEqual(first);
    expect(c).toEqual(first);
    expect(b.phrases).toEqual([]);
  });

  it('decodes an answer as it arrives and gives the same phrases as the whole answer, twice', async () => {
    const streamOnce = async () => {
      const utterance = await spotter.start(PHRASES);
      for (let at = 0; at < apology.length; at += 8000) utterance.feed(apology.subarray(at, at + 8000));
      return utterance.finish();
    };
    const streamed = await streamOnce();
    expect(streamed.phrases.map((p) => p.tag)).toEqual(['move:apologise', 'move:own-it']);
    expect(await streamOnce()).toEqual(streamed);
    await expect(spotter.spot(unrelated, PHRASES)).resolves.toMatchObject({ phrases: [] });
  });

  it('frees the spotter when an answer is cancelled', async () => {
    const utterance = await spotter.start(PHRASES);
    utterance.feed(apology.subarray(0, 8000));
    utterance.cancel();
    expect(() => utterance.feed(apology)).toThrow(/finished/);
    const result = await spotter.spot(apology, PHRASES);
    expect(result.phrases).toHaveLength(2);
  });
});
