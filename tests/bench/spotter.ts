/**
 * The phrase spotter's figures (part of `npm run bench`; alone: `npx tsx tests/bench/spotter.ts`):
 * per degradation and festival voice, over BENCH_ANSWERS and BENCH_PHRASES (spotter-corpus.ts):
 * phrases found / said, phrases reported but not said, how well the confidence separates true
 * hits from forced ones (means, min/max, AUC), the real-time factor in CPU time (the decoder is
 * single-threaded WebAssembly, so CPU time is one core's time even on a busy machine), and, when
 * decoding as the audio arrives in 0.5 s chunks, how long after the last chunk the answer is known.
 * Audio is cached under .tmp/speech. Needs festival (text2wave) and sox.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Spotting } from '../../core/speech/recognition.js';
import { phraseWords } from '../../electron/services/speech/phrase-words.js';
import { createSpotter, DEFAULT_MIN_CONFIDENCE, type Spotter } from '../../electron/services/speech/spotter.js';
import { BENCH_ANSWERS, BENCH_PHRASES, benchAnswer, SPOTTER_DEGRADATIONS, SPOTTER_VOICES, type SpotterDegradation } from './spotter-corpus.js';

const GOALS = { found: 0.95, falselyReported: 0.02, rtf: 0.15, decideMs: 300 };
const SR = 16_000;
/** Other thresholds shown as found/false counts, to choose DEFAULT_MIN_CONFIDENCE by. */
const THRESHOLDS = [0.2, 0.3, 0.4, 0.5];
const CHUNK = SR / 2;

/** The tags of the phrases whose words occur, in order, in the answer. */
function saidTags(answer: string): Set<string> {
  const words = ` ${phraseWords(answer).join(' ')} `;
  return new Set(BENCH_PHRASES.filter((p) => words.includes(` ${phraseWords(p.text).join(' ')} `)).map((p) => p.tag));
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Area under the ROC curve: the chance a true hit's confidence beats a false one's (ties half). */
export function auc(positives: readonly number[], negatives: readonly number[]): number | null {
  if (positives.length === 0 || negatives.length === 0) return null;
  let wins = 0;
  for (const p of positives) for (const n of negatives) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (positives.length * negatives.length);
}

interface Tally {
  said: number;
  found: number;
  unsaidPairs: number;
  falselyReported: number;
  falseNames: string[];
  missedNames: string[];
  trueConf: number[];
  /** Per phrase said: the best confidence of its hits, 0 if none. */
  saidBest: number[];
  falseConf: number[];
  audioMs: number;
  cpuMs: number;
}

const emptyTally = (): Tally => ({ said: 0, found: 0, unsaidPairs: 0, falselyReported: 0, falseNames: [], missedNames: [], trueConf: [], saidBest: [], falseConf: [], audioMs: 0, cpuMs: 0 });

function score(t: Tally, answer: string, result: Spotting): void {
  const said = saidTags(answer);
  const reported = new Set(result.phrases.filter((p) => p.confidence >= DEFAULT_MIN_CONFIDENCE).map((p) => p.tag));
  t.said += said.size;
  t.unsaidPairs += BENCH_PHRASES.length - said.size;
  for (const tag of said) {
    t.saidBest.push(Math.max(0, ...result.phrases.filter((p) => p.tag === tag).map((p) => p.confidence)));
    if (reported.has(tag)) t.found++;
    else t.missedNames.push(`${tag} in "${answer}"`);
  }
  for (const tag of reported) {
    if (said.has(tag)) continue;
    t.falselyReported++;
    t.falseNames.push(`${tag} in "${answer}"`);
  }
  for (const p of result.phrases) (said.has(p.tag) ? t.trueConf : t.falseConf).push(p.confidence);
}

const mean = (xs: readonly number[]) => (xs.length === 0 ? NaN : xs.reduce((a, b) => a + b, 0) / xs.length);
const pct = (n: number, d: number) => (d === 0 ? '-' : `${n}/${d} = ${((100 * n) / d).toFixed(1)}%`);

function printTally(label: string, t: Tally): void {
  const a = auc(t.trueConf, t.falseConf);
  const rtf = t.cpuMs / t.audioMs;
  console.log(
    `  ${label.padEnd(22)} found ${pct(t.found, t.said)} | reported not said ${pct(t.falselyReported, t.unsaidPairs)} | ` +
      `${THRESHOLDS.map((th) => `@${th}: ${t.saidBest.filter((c) => c >= th).length}/${t.falseConf.filter((c) => c >= th).length}`).join(' ')} | ` +
      `conf true mean ${mean(t.trueConf).toFixed(2)} min ${Math.min(...t.trueConf).toFixed(2)}, forced mean ${mean(t.falseConf).toFixed(2)} max ${t.falseConf.length ? Math.max(...t.falseConf).toFixed(2) : '-'} (n=${t.falseConf.length}), AUC ${a === null ? '-' : a.toFixed(3)} | RTF ${rtf.toFixed(3)}`,
  );
}

function add(into: Tally, t: Tally): void {
  into.said += t.said;
  into.found += t.found;
  into.unsaidPairs += t.unsaidPairs;
  into.falselyReported += t.falselyReported;
  into.falseNames.push(...t.falseNames);
  into.missedNames.push(...t.missedNames);
  into.trueConf.push(...t.trueConf);
  into.saidBest.push(...t.saidBest);
  into.falseConf.push(...t.falseConf);
  into.audioMs += t.audioMs;
  into.cpuMs += t.cpuMs;
}

async function batchRun(spotter: Spotter, d: SpotterDegradation): Promise<Tally> {
  const all = emptyTally();
  for (const voice of SPOTTER_VOICES) {
    const t = emptyTally();
    for (const answer of BENCH_ANSWERS) {
      const samples = benchAnswer(answer, voice, d);
      const c0 = cpuMs();
      const result = await spotter.spot(samples, BENCH_PHRASES);
      t.cpuMs += cpuMs() - c0;
      t.audioMs += (samples.length / SR) * 1000;
      score(t, answer, result);
    }
    printTally(`${d} / ${voice}`, t);
    add(all, t);
  }
  printTally(`${d} / both voices`, all);
  return all;
}

/** Feeds each clean answer in 0.5 s chunks; times finish() after the last chunk. */
async function streamingRun(spotter: Spotter): Promise<void> {
  const decideMs: number[] = [];
  const decideCpuMs: number[] = [];
  const feedMs: number[] = [];
  let same = 0;
  let total = 0;
  for (const voice of SPOTTER_VOICES) {
    for (const answer of BENCH_ANSWERS) {
      const samples = benchAnswer(answer, voice, 'clean');
      const utterance = await spotter.start(BENCH_PHRASES);
      for (let at = 0; at < samples.length; at += CHUNK) {
        const t0 = performance.now();
        utterance.feed(samples.subarray(at, at + CHUNK));
        feedMs.push(performance.now() - t0);
      }
      const t0 = performance.now();
      const c0 = cpuMs();
      const streamed = await utterance.finish();
      decideMs.push(performance.now() - t0);
      decideCpuMs.push(cpuMs() - c0);
      const batch = await spotter.spot(samples, BENCH_PHRASES);
      const tags = (s: Spotting) => s.phrases.map((p) => p.tag).sort().join(',');
      total++;
      if (tags(streamed) === tags(batch)) same++;
    }
  }
  const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? NaN;
  console.log(`  streaming (0.5 s chunks, clean, both voices): decode per 0.5 s chunk median ${q(feedMs, 0.5).toFixed(0)} ms, p95 ${q(feedMs, 0.95).toFixed(0)} ms`);
  console.log(
    `  answer decided after the last chunk: wall median ${q(decideMs, 0.5).toFixed(0)} ms, p95 ${q(decideMs, 0.95).toFixed(0)} ms, max ${Math.max(...decideMs).toFixed(0)} ms; ` +
      `CPU median ${q(decideCpuMs, 0.5).toFixed(0)} ms, p95 ${q(decideCpuMs, 0.95).toFixed(0)} ms (goal <= ${GOALS.decideMs} ms)`,
  );
  console.log(`  streamed phrases equal to whole-answer phrases: ${same}/${total}`);
}

export async function spotterBench(): Promise<void> {
  console.log(`phrase spotter (soundswallower), ${BENCH_PHRASES.length} phrases, ${BENCH_ANSWERS.length} answers per voice and degradation:`);
  const spotter = createSpotter({ minConfidence: 0 });
  const c0 = cpuMs();
  await spotter.spot(new Int16Array(SR), BENCH_PHRASES);
  console.log(`  engine ${spotter.engine.name} ${spotter.engine.version}, model ${spotter.engine.model}; first call incl. model load ${(cpuMs() - c0).toFixed(0)} ms CPU`);
  const all = emptyTally();
  for (const d of SPOTTER_DEGRADATIONS) add(all, await batchRun(spotter, d));
  printTally('all', all);
  const ok = (b: boolean) => (b ? 'meets goal' : 'MISSES goal');
  console.log(
    `  goals: found >= ${GOALS.found * 100}% ${ok(all.found / all.said >= GOALS.found)}; reported not said <= ${GOALS.falselyReported * 100}% ${ok(all.falselyReported / all.unsaidPairs <= GOALS.falselyReported)}; RTF <= ${GOALS.rtf} ${ok(all.cpuMs / all.audioMs <= GOALS.rtf)}`,
  );
  for (const m of all.missedNames) console.log(`    missed: ${m}`);
  for (const f of all.falseNames) console.log(`    reported, not said: ${f}`);
  await streamingRun(spotter);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await spotterBench();
