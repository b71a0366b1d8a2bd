import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../../core/scenario/load.js';
import { parseWavHeader, readWav } from '../../../electron/services/session/wav.js';
import { captionHash, CLIPS_JSON, readClipHashes, scenarioClips } from '../../../scripts/render-clips.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const SCRIPT = join(ROOT, 'scripts/render-clips.ts');
const SCENARIOS = join(ROOT, 'scenarios');
const temp = mkdtempSync(join(tmpdir(), 'tryout-clips-test-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function onPath(command: string): boolean {
  return (process.env['PATH'] ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

const hasTools = onPath('text2wave') && onPath('sox');
if (!hasTools) console.warn('render-clips.test: text2wave or sox not found, rendering tests skipped (apt-get install festival festvox-us-slt-hts festvox-kallpc16k sox)');

function render(args: readonly string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout.split('\n').filter(Boolean), stderr: r.stderr };
}

/** dBFS RMS of consecutive 10 ms windows. */
function windowsDb(samples: Int16Array, sampleRate: number): number[] {
  const size = sampleRate / 100;
  const out: number[] = [];
  for (let start = 0; start + size <= samples.length; start += size) {
    let sum = 0;
    for (let i = start; i < start + size; i++) sum += ((samples[i] ?? 0) / 32768) ** 2;
    out.push(10 * Math.log10(sum / size || 1e-20));
  }
  return out;
}

const SPEECH_DB = -40;
const GREET = 'Hello, I am calling about my order.';
const AGAIN = 'Sorry, could you say that again?';

function tinyScenario(greet: string): string {
  return [
    'id: tiny',
    'title: Tiny',
    'brief: A tiny scenario for the clip renderer test.',
    'customer: { name: Sam, voice: us-slt }',
    'steps:',
    '  - id: greet',
    `    say: "${greet}"`,
    '  - id: answer',
    '    listen: { timeoutSeconds: 10 }',
    '  - id: again',
    '    repeat:',
    '      of: answer',
    `      say: "${AGAIN}"`,
    '      clip: again-line.wav',
    '    next: end',
    '',
  ].join('\n');
}

describe('npm run clips:render', () => {
  const dir = join(temp, 'scenarios');
  const audio = join(dir, 'audio', 'tiny');

  it.skipIf(!hasTools)(
    'renders 16 kHz mono 16-bit clips trimmed to ~50 ms of silence, writes clips.json and removes stale clips',
    () => {
      mkdirSync(audio, { recursive: true });
      writeFileSync(join(dir, 'tiny.yaml'), tinyScenario(GREET));
      writeFileSync(join(audio, 'old.wav'), 'stale');
      const r = render(['--scenarios-dir', dir, 'tiny']);
      expect(r.stderr).toContain('clips:render: 3 rendered, 0 up to date, 1 removed');
      expect(r.code).toBe(0);
      expect(r.stdout).toHaveLength(4);
      expect(r.stdout[0]).toMatch(/^rendered .*tiny\/greet\.wav \(\d+\.\d\d s\): Hello, I am calling/);
      expect(r.stdout[1]).toMatch(/^rendered .*tiny\/again-line\.wav /);
      // The scenario's still-there line (the default words, in the scenario's voice).
      expect(r.stdout[2]).toMatch(/^rendered .*tiny\/are-you-still-there\.wav .*: Hello\? Are you still there\?$/);
      expect(r.stdout[3]).toMatch(/^removed .*tiny\/old\.wav$/);
      expect(readdirSync(audio).sort()).toEqual(['again-line.wav', 'are-you-still-there.wav', CLIPS_JSON, 'greet.wav']);
      expect(JSON.parse(readFileSync(join(audio, CLIPS_JSON), 'utf8'))).toEqual({
        'again-line.wav': captionHash('us-slt', AGAIN),
        'are-you-still-there.wav': captionHash('us-slt', 'Hello? Are you still there?'),
        'greet.wav': captionHash('us-slt', GREET),
      });

      for (const clip of ['greet.wav', 'again-line.wav', 'are-you-still-there.wav']) {
        const path = join(audio, clip);
        const info = parseWavHeader(readFileSync(path));
        expect({ rate: info.sampleRate, channels: info.channels, bits: info.bitsPerSample }).toEqual({ rate: 16_000, channels: 1, bits: 16 });
        const samples = readWav(path).samples[0] ?? new Int16Array();
        const peak = samples.reduce((max, s) => Math.max(max, Math.abs(s)), 0) / 32768;
        expect(20 * Math.log10(peak)).toBeCloseTo(-3, 0);
        const db = windowsDb(samples, 16_000);
        const first = db.findIndex((d) => d > SPEECH_DB);
        const last = db.findLastIndex((d) => d > SPEECH_DB);
        expect(first, `${clip}: speech found`).toBeGreaterThanOrEqual(0);
        // 50 ms of padding: speech starts (and ends) within 100 ms of the file's edges.
        expect(first * 10, `${clip}: ms before speech`).toBeLessThanOrEqual(100);
        expect((db.length - 1 - last) * 10, `${clip}: ms after speech`).toBeLessThanOrEqual(100);
        expect(db.length, `${clip}: duration`).toBeGreaterThan(80);
      }
    },
    120_000,
  );

  it.skipIf(!hasTools)(
    'keeps clips whose caption is unchanged and re-renders only a changed one (or all with --force)',
    () => {
      expect(existsSync(join(audio, 'greet.wav'))).toBe(true);
      const again = render(['--scenarios-dir', dir]);
      expect(again.code).toBe(0);
      expect(again.stdout).toEqual([]);
      expect(again.stderr).toContain('clips:render: 0 rendered, 3 up to date, 0 removed');

      writeFileSync(join(dir, 'tiny.yaml'), tinyScenario('Hi, it is about my order.'));
      const changed = render(['--scenarios-dir', dir, 'tiny']);
      expect(changed.code).toBe(0);
      expect(changed.stdout).toHaveLength(1);
      expect(changed.stdout[0]).toMatch(/^rendered .*tiny\/greet\.wav .*: Hi, it is about my order\.$/);
      expect(readClipHashes(audio).get('greet.wav')).toBe(captionHash('us-slt', 'Hi, it is about my order.'));

      const forced = render(['--scenarios-dir', dir, '--force', 'tiny']);
      expect(forced.code).toBe(0);
      expect(forced.stdout).toHaveLength(3);
    },
    120_000,
  );

  it('prints an install hint and exits 1 when festival or sox is missing', () => {
    const empty = join(temp, 'empty-path');
    mkdirSync(empty, { recursive: true });
    const r = render(['--scenarios-dir', SCENARIOS], { ...process.env, PATH: empty });
    expect(r.code).toBe(1);
    expect(r.stdout).toEqual([]);
    expect(r.stderr.trim()).toBe('clips:render: text2wave and sox not found; install with: apt-get install festival festvox-us-slt-hts festvox-kallpc16k sox');
  });

  it('reports an invalid scenario and exits 1', () => {
    const bad = join(temp, 'bad');
    mkdirSync(bad, { recursive: true });
    writeFileSync(join(bad, 'broken.yaml'), 'id: broken\ntitle: Broken\nbrief: b\ncustomer: { name: X }\nsteps:\n  - id: a\n    speak: "hi"\n');
    const r = render(['--scenarios-dir', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('broken.yaml:7:5: unknown key "speak" in step "a"');
    expect(existsSync(join(bad, 'audio'))).toBe(false);
  });
});

describe('shipped scenario clips', () => {
  const files = readdirSync(SCENARIOS).filter((name) => name.endsWith('.yaml')).sort();

  it('there are shipped scenarios', () => {
    expect(files).toContain('long-hold.yaml');
    expect(files).toContain('not-listening.yaml');
  });

  it.each(files)('%s: every say/repeat line has a 16 kHz mono clip whose clips.json hash matches its caption', (name) => {
    const { scenario, problems } = parseScenario(name, readFileSync(join(SCENARIOS, name), 'utf8'));
    expect(problems).toEqual([]);
    if (!scenario) return;
    const audio = join(SCENARIOS, 'audio', scenario.id);
    const hashes = readClipHashes(audio);
    const clips = scenarioClips(scenario);
    for (const [clip, text] of clips) {
      const path = join(audio, clip);
      expect(existsSync(path), `missing ${path}: run npm run clips:render ${scenario.id}`).toBe(true);
      expect(hashes.get(clip), `${scenario.id}/${clip} is stale for "${text}": run npm run clips:render ${scenario.id}`).toBe(captionHash(scenario.customer.voice, text));
      const info = parseWavHeader(readFileSync(path));
      expect({ clip, rate: info.sampleRate, channels: info.channels, bits: info.bitsPerSample }).toEqual({ clip, rate: 16_000, channels: 1, bits: 16 });
    }
    expect([...hashes.keys()].sort(), 'clips.json lists only clips in use').toEqual([...clips.keys()].sort());
    const wavs = existsSync(audio) ? readdirSync(audio).filter((f) => f.endsWith('.wav')) : [];
    expect(wavs.sort(), 'no unused clips').toEqual([...clips.keys()].sort());
  });
});
