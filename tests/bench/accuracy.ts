/**
 * The judgement part of `npm run bench`: every call of the labelled corpus (tests/fixtures/corpus:
 * answers.yaml = tune, held-out.yaml = held-out, outside.yaml = outside) played on its scenario's real path by the
 * scenario engine (corpus-call.ts) in each degradation (degradations.ts), put through the app's
 * real analysis (runAnalysisJob: pocketsphinx, the Hunspell spell checker, the shipped
 * checklists), and scored (accuracy-scoring.ts): disrespectful or impatient answers caught,
 * respectful calls falsely failed, needs-review rate; per item and overall, per split and per
 * degradation. Also the speech onset/offset error (clean) and the real-time factor of a
 * 10-minute call. Figures go to .tmp/bench/judgement.json too.
 * Pick degradations with BENCH_DEGRADATIONS=clean,telephone (or --degradations=...).
 * Needs pocketsphinx; heavy.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SessionAnalysis } from '../../core/analysis/analyze.js';
import type { Scenario } from '../../core/scenario/schema.js';
import { runAnalysisJob } from '../../electron/services/analysis/analysis-job.js';
import { defaultSpanTranscriber, spanTranscriber } from '../../electron/services/analysis/default-transcriber.js';
import type { SpanTranscriber } from '../../electron/services/analysis/span-transcriber.js';
import { mapLimited } from '../../electron/services/storage/map-limited.js';
import { createSpotter, type Spotter } from '../../electron/services/speech/spotter.js';
import { createPocketsphinxTranscriber } from '../../electron/services/transcription/pocketsphinx.js';
import { CORPUS_SCENARIOS, corpusSessions, loadCorpus, MEASURED_ONLY, SPLITS, type CorpusEntry, type Split } from '../support/corpus.js';
import { writeCorpusCall, writeLongSession } from './accuracy-sessions.js';
import { addCall, edgeErrors, emptyFigures, quantile, type Figures } from './accuracy-scoring.js';
import { ROOM_NOISE_DBFS, selectedDegradations, type Degradation } from './degradations.js';

const GOALS = { caught: 0.95, falseFails: 0.05, needsReview: 0.25, onsetMedianMs: 30, onsetP95Ms: 100, rtf: 0.25 };
/** Calls analysed side by side (each analysis runs its own pocketsphinx processes too). */
const PARALLEL_CALLS = 2;
const JSON_OUT = '.tmp/bench/judgement.json';
const RECOGNISER_TIMEOUT_MS = 180_000;

const rate = (n: number, d: number) => (d === 0 ? '-' : `${n}/${d} = ${(n / d).toFixed(2)}`);
const fixed = (x: number | null, digits = 0) => (x === null ? 'n/a' : x.toFixed(digits));
const verdict = (ok: boolean) => (ok ? 'meets goal' : 'MISSES goal');

/** The app's recogniser; pocketsphinx with a longer time limit, as other work on the 2 cores can slow a run several times over. */
async function recogniser(): Promise<SpanTranscriber> {
  const found = await defaultSpanTranscriber();
  if ('unavailable' in found) throw new Error(`the judgement bench needs speech recognition: ${found.unavailable}`);
  return found.engine === 'pocketsphinx' ? spanTranscriber(createPocketsphinxTranscriber({ timeoutMs: RECOGNISER_TIMEOUT_MS }), found.note) : found;
}

interface Run {
  readonly degradation: Degradation;
  readonly seconds: number;
  readonly figures: Record<Split, Figures>;
  readonly onsets: number[];
  readonly offsets: number[];
  readonly missedSpeech: string[];
  readonly failedCalls: string[];
}

async function runDegradation(d: Degradation, index: number, entries: readonly CorpusEntry[], transcriber: SpanTranscriber): Promise<Run> {
  const dataDir = mkdtempSync(join(tmpdir(), `tryout-judgement-${d}-`));
  const t0 = performance.now();
  const figures: Record<Split, Figures> = { tune: emptyFigures(), 'held-out': emptyFigures(), outside: emptyFigures() };
  const onsets: number[] = [];
  const offsets: number[] = [];
  const missedSpeech: string[] = [];
  const failedCalls: string[] = [];
  try {
    const sessions = corpusSessions(entries);
    await mapLimited(sessions.map((s, i) => ({ s, i })), PARALLEL_CALLS, async ({ s, i }) => {
      const sessionId = `20261123-1${index}0000-${i.toString(36).padStart(6, 'b')}`;
      const bench = writeCorpusCall(dataDir, sessionId, s, d);
      const analysis = await analyseWithRetry(sessionId, bench.dir, bench.scenario, transcriber);
      rmSync(bench.dir, { recursive: true, force: true });
      if (!analysis) {
        failedCalls.push(s.id);
        return;
      }
      addCall(figures[s.split], { sessionId, corpusSession: s.id, split: s.split, answers: bench.call.answers, analysis }, { unreached: bench.call.unreached.length, unanswered: bench.call.unanswered.length });
      if (bench.call.unreached.length + bench.call.unanswered.length > 0) {
        console.log(`  [${d}] ${s.id}: path ${bench.call.path.join(' > ')}; not reached: ${bench.call.unreached.map((e) => e.id).join(', ') || '-'}; reached with no answer: ${bench.call.unanswered.join(', ') || '-'}`);
      }
      for (const answer of bench.call.answers) {
        const e = edgeErrors(analysis, answer, bench.speech.get(answer.entry.id));
        if (e === 'missed') missedSpeech.push(answer.entry.id);
        else if (e) {
          onsets.push(e.onsetMs);
          offsets.push(e.offsetMs);
        }
      }
    });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (failedCalls.length > 0) console.log(`  [${d}] calls whose analysis failed twice (not scored): ${failedCalls.join(', ')}`);
  return { degradation: d, seconds: (performance.now() - t0) / 1000, figures, onsets, offsets, missedSpeech, failedCalls };
}

let shared: Spotter | null = null;
/** The phrase spotter, as the app's analysis uses it (one per back end, loaded on first use). */
function spotter(): Spotter {
  shared ??= createSpotter();
  return shared;
}

/**
 * The analysis of one call; on a busy machine a recogniser run can hit its time limit, so a
 * failed analysis is tried once more before the call is left out (and reported).
 */
async function analyseWithRetry(sessionId: string, sessionDir: string, scenario: Scenario, transcriber: SpanTranscriber): Promise<SessionAnalysis | null> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await runAnalysisJob({ sessionId, sessionDir, scenario, scenariosDir: 'scenarios' }, transcriber, () => undefined, { spotter: spotter() })).analysis;
    } catch (error) {
      console.log(`  analysis of ${sessionId} failed (attempt ${attempt}): ${error instanceof Error ? error.message : String(error)}`);
      if (attempt >= 2) return null;
    }
  }
}

function printCorpus(entries: readonly CorpusEntry[]): void {
  const count = (f: (e: CorpusEntry) => boolean) => entries.filter(f).length;
  console.log(`judgement corpus: ${entries.length} answers in ${corpusSessions(entries).length} calls; room noise on the mic ${ROOM_NOISE_DBFS} dBFS`);
  console.log(`  ${'scenario'.padEnd(18)} ${SPLITS.map((s) => `${s} (us-slt/kal/typed/silent; bad)`.padEnd(36)).join(' ')}`);
  for (const scenario of CORPUS_SCENARIOS) {
    const cells = SPLITS.map((split) => {
      const of = entries.filter((e) => e.scenario === scenario && e.split === split);
      const c = (f: (e: CorpusEntry) => boolean) => of.filter(f).length;
      return `${of.length} (${c((e) => e.voice === 'us-slt' && e.text !== '')}/${c((e) => e.voice === 'kal' && e.text !== '')}/${c((e) => e.voice === 'typed')}/${c((e) => e.voice !== 'typed' && e.text === '')}; ${c((e) => !e.respectful || !e.patient)})`.padEnd(36);
    });
    console.log(`  ${scenario.padEnd(18)} ${cells.join(' ')}`);
  }
  console.log(`  respectful and patient: ${count((e) => e.respectful && e.patient)}, not: ${count((e) => !e.respectful || !e.patient)}`);
}

function printSummary(runs: readonly Run[]): void {
  console.log(`  ${'degradation'.padEnd(12)} ${'split'.padEnd(9)} ${'bad answers caught'.padEnd(20)} ${'respectful calls falsely failed'.padEnd(32)} ${'needs-review rate'.padEnd(22)} not reached / no answer`);
  for (const run of runs) {
    for (const split of SPLITS) {
      const f = run.figures[split];
      if (f.calls === 0) continue;
      console.log(`  ${run.degradation.padEnd(12)} ${split.padEnd(9)} ${rate(f.badCaught, f.badAnswers).padEnd(20)} ${rate(f.falseFailCalls, f.goodCalls).padEnd(32)} ${rate(f.needsReview, f.decided).padEnd(22)} ${f.unreached} / ${f.unanswered}`);
    }
  }
  console.log(`  goals (held-out and outside): caught >= ${GOALS.caught}, respectful calls falsely failed <= ${GOALS.falseFails}, needs-review < ${GOALS.needsReview}`);
}

function printItems(run: Run): void {
  const splits = SPLITS.filter((s) => run.figures[s].calls > 0);
  console.log(`per item, ${run.degradation} (caught: fail labels caught; false alarms: pass labels failed on the answer; false-fail calls: respectful calls failing the item; review: needs-review / decided)`);
  console.log(`  ${'item'.padEnd(34)} ${splits.map((s) => `${s}: caught | false alarms | false-fail calls | review`.padEnd(70)).join(' ')}`);
  const items = [...new Set(splits.flatMap((s) => run.figures[s].items.map((r) => r.item)))].sort();
  for (const item of items) {
    const cells = splits.map((s) => {
      const r = run.figures[s].items.find((x) => x.item === item);
      if (!r) return ''.padEnd(70);
      return `${rate(r.caught, r.failLabels).padEnd(16)} | ${rate(r.falseAlarms, r.passLabels).padEnd(16)} | ${rate(r.falseFailCalls, r.goodCallsJudged).padEnd(16)} | ${rate(r.needsReview, r.decided)}`.padEnd(70);
    });
    console.log(`  ${item.padEnd(34)} ${cells.join(' ')}`);
  }
}

function printItemsByDegradation(runs: readonly Run[]): void {
  if (runs.length < 2) return;
  console.log(`fail labels caught per item and degradation (tune; held-out / outside in brackets)`);
  console.log(`  ${'item'.padEnd(34)} ${runs.map((r) => r.degradation.padEnd(20)).join(' ')}`);
  const items = [...new Set(runs.flatMap((r) => SPLITS.flatMap((s) => r.figures[s].items.filter((x) => x.failLabels > 0).map((x) => x.item))))].sort();
  for (const item of items) {
    const cells = runs.map((run) => {
      const [t, h, o] = SPLITS.map((s) => run.figures[s].items.find((x) => x.item === item));
      const frac = (r: typeof t) => (r && r.failLabels > 0 ? (r.caught / r.failLabels).toFixed(2) : '-');
      const measured = MEASURED_ONLY.some((s) => run.figures[s].calls > 0) ? ` (${frac(h)} / ${frac(o)})` : '';
      return `${frac(t)}${measured}`.padEnd(20);
    });
    console.log(`  ${item.padEnd(34)} ${cells.join(' ')}`);
  }
}

function printEdges(name: string, errors: readonly number[], goals: { median: number; p95: number } | null): void {
  const abs = errors.map(Math.abs);
  const median = quantile(abs, 0.5);
  const p95 = quantile(abs, 0.95);
  const goal = goals && median !== null && p95 !== null ? `   goal median <= ${goals.median}, p95 <= ${goals.p95}: ${verdict(median <= goals.median && p95 <= goals.p95)}` : '';
  console.log(`speech ${name} error |ms| (clean): median ${fixed(median)}, p95 ${fixed(p95)}, max ${fixed(quantile(abs, 1))} (n=${errors.length})${goal}`);
}

function printMistakes(run: Run): void {
  for (const split of SPLITS) {
    const f = run.figures[split];
    if (f.calls === 0) continue;
    // Held-out and outside answers are measured, never looked at one by one (nothing may be tuned on them).
    if (MEASURED_ONLY.includes(split)) continue;
    if (f.misses.length > 0) console.log(`missed (${run.degradation}, ${split}):\n${f.misses.map((m) => `  ${m}`).join('\n')}`);
    if (f.falseFails.length > 0) console.log(`respectful calls falsely failed (${run.degradation}, ${split}):\n${f.falseFails.map((m) => `  ${m}`).join('\n')}`);
  }
}

async function realTimeFactor(entries: readonly CorpusEntry[], transcriber: SpanTranscriber): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tryout-rtf-'));
  try {
    const spoken = entries.filter((e) => e.voice !== 'typed' && e.text.trim() !== '' && e.split === 'tune');
    const sessionId = '20261123-130000-rtfrtf';
    const long = writeLongSession(dataDir, sessionId, spoken, 600);
    const load = loadavg()[0] ?? 0;
    const cpu0 = cpuSeconds();
    const t0 = performance.now();
    const { analysis } = await runAnalysisJob({ sessionId, sessionDir: long.dir, scenario: long.scenario, scenariosDir: 'scenarios' }, transcriber, () => undefined);
    const seconds = (performance.now() - t0) / 1000;
    const cpu = cpuSeconds() - cpu0;
    const rtf = seconds / long.seconds;
    console.log(
      `analysis + transcription of a ${(long.seconds / 60).toFixed(1)}-minute call (${analysis.turns.length} spoken answers): ${seconds.toFixed(1)} s = ${rtf.toFixed(3)}x real time   goal <= ${GOALS.rtf}: ${verdict(rtf <= GOALS.rtf)}`,
    );
    // Other work on the 2 cores slows the wall clock; CPU time (this process and the decoders) does not depend on it.
    console.log(`  CPU time ${cpu.toFixed(1)} s = ${(cpu / long.seconds).toFixed(3)}x real time; load average before the run ${load.toFixed(2)} on ${cpus().length} cores`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** CPU seconds used by this process and its finished child processes (Linux /proc; the decoders are children). */
function cpuSeconds(): number {
  const own = process.cpuUsage();
  return (own.user + own.system) / 1e6 + childrenCpuSeconds();
}

function childrenCpuSeconds(): number {
  try {
    // Fields after the ")" of /proc/self/stat: cutime and cstime are the 14th and 15th, in clock ticks (100 per second).
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return Number.NaN;
  }
}

function writeJson(engine: string, entries: readonly CorpusEntry[], runs: readonly Run[], totalSeconds: number): void {
  mkdirSync('.tmp/bench', { recursive: true });
  const strip = (f: Figures) => ({ ...f, misses: f.misses.length, falseFails: f.falseFails.length });
  const out = {
    engine,
    corpus: { answers: entries.length, tune: entries.filter((e) => e.split === 'tune').length, heldOut: entries.filter((e) => e.split === 'held-out').length, outside: entries.filter((e) => e.split === 'outside').length },
    goals: GOALS,
    totalSeconds: Math.round(totalSeconds),
    degradations: Object.fromEntries(runs.map((r) => [r.degradation, { seconds: Math.round(r.seconds), failedCalls: r.failedCalls, tune: strip(r.figures.tune), heldOut: strip(r.figures['held-out']), outside: strip(r.figures.outside) }])),
  };
  writeFileSync(JSON_OUT, `${JSON.stringify(out, null, 2)}\n`);
}

export async function accuracyBench(): Promise<void> {
  // BENCH_SCENARIOS=written-reply,long-hold narrows the run (a quick look; the figures are for those scenarios only).
  const only = (process.env['BENCH_SCENARIOS'] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const entries = loadCorpus().filter((e) => only.length === 0 || only.includes(e.scenario));
  if (only.length > 0) console.log(`scenarios: ${only.join(', ')} only`);
  const degradations = selectedDegradations();
  const transcriber = await recogniser();
  printCorpus(entries);
  console.log(`engine ${transcriber.engine}; degradations ${degradations.join(', ')}; ${PARALLEL_CALLS} calls at a time`);
  const t0 = performance.now();
  const runs: Run[] = [];
  for (const [i, d] of degradations.entries()) {
    const run = await runDegradation(d, i, entries, transcriber);
    runs.push(run);
    console.log(`  ${d}: ${run.seconds.toFixed(0)} s`);
  }
  const total = (performance.now() - t0) / 1000;
  console.log(`judgement (${total.toFixed(0)} s for ${runs.length} degradation(s)):`);
  printSummary(runs);
  const clean = runs.find((r) => r.degradation === 'clean') ?? runs[0];
  if (clean) {
    printItems(clean);
    printMistakes(clean);
  }
  printItemsByDegradation(runs);
  if (clean?.degradation === 'clean') {
    printEdges('onset', clean.onsets, { median: GOALS.onsetMedianMs, p95: GOALS.onsetP95Ms });
    printEdges('offset', clean.offsets, null);
    if (clean.missedSpeech.length > 0) console.log(`spoken answers with no speech detected (clean): ${clean.missedSpeech.join(', ')}`);
  }
  writeJson(transcriber.engine, entries, runs, total);
  console.log(`figures written to ${JSON_OUT}`);
  if (process.env['BENCH_RTF'] !== '0') await realTimeFactor(entries, transcriber);
}
