/**
 * The accuracy part of `npm run bench`: the labelled corpus (tests/fixtures/corpus) played in
 * synthetic calls and put through the app's real analysis (runAnalysisJob: pocketsphinx, the
 * Hunspell spell checker, the shipped checklists). Prints per checklist item the recall on the
 * answers that should fail it and the false alarms on those that should pass, the speech
 * onset/offset error against where each answer was placed, and the real-time factor of
 * analysing a 10-minute call. Needs pocketsphinx; heavy: run it under the e2e lock.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SessionAnalysis } from '../../core/analysis/analyze.js';
import { runAnalysisJob } from '../../electron/services/analysis/analysis-job.js';
import { defaultSpanTranscriber } from '../../electron/services/analysis/default-transcriber.js';
import type { SpanTranscriber } from '../../electron/services/analysis/span-transcriber.js';
import { corpusSessions, loadCorpus, type CorpusEntry } from '../support/corpus.js';
import { ROOM_NOISE_DBFS, writeBenchSession, writeLongSession, type PlacedAnswer } from './accuracy-sessions.js';
import { edgeErrors, itemScores, pooled, quantile, scoreAnswer, type ItemScore, type LabelOutcome } from './accuracy-scoring.js';

const GOALS = { recall: 0.9, falseAlarms: 0.1, onsetMedianMs: 30, onsetP95Ms: 100, rtf: 0.25 };
/** Items that say whether the trainee was respectful (the writing ones judge the manner of a typed reply). */
const RESPECT_ITEMS = (item: string) => item.startsWith('respect/') || item === 'writing/apology' || item === 'writing/no-blame';

const sessionIdFor = (i: number) => `20261123-120000-${i.toString(36).padStart(6, 'b')}`;
const ratio = (n: number, d: number) => (d === 0 ? '   -        ' : `${String(n).padStart(2)}/${String(d).padEnd(2)} = ${(n / d).toFixed(2)}`);
const fixed = (x: number | null, digits = 0) => (x === null ? 'n/a' : x.toFixed(digits));
const verdict = (ok: boolean) => (ok ? 'meets goal' : 'MISSES goal');

async function recogniser(): Promise<SpanTranscriber> {
  const found = await defaultSpanTranscriber();
  if ('unavailable' in found) throw new Error(`the accuracy bench needs speech recognition: ${found.unavailable}`);
  return found;
}

function answerText(analysis: SessionAnalysis, entry: CorpusEntry): string {
  const turn = analysis.turns.find((t) => t.stepId === entry.step);
  return turn?.text ?? '(no transcript)';
}

interface Measured {
  readonly outcomes: LabelOutcome[];
  readonly onsets: number[];
  readonly offsets: number[];
  /** Entry ids, index for index with onsets and offsets. */
  readonly edgeIds: string[];
  readonly missed: string[];
  readonly heard: Map<string, string>;
}

async function measureCorpus(dataDir: string, entries: readonly CorpusEntry[], transcriber: SpanTranscriber): Promise<Measured> {
  const m: Measured = { outcomes: [], onsets: [], offsets: [], edgeIds: [], missed: [], heard: new Map() };
  for (const [i, call] of corpusSessions(entries).entries()) {
    const sessionId = sessionIdFor(i);
    const session = writeBenchSession(dataDir, sessionId, call.scenario, call.entries);
    const { analysis } = await runAnalysisJob({ sessionId, sessionDir: session.dir, scenario: session.scenario, scenariosDir: 'scenarios' }, transcriber, () => undefined);
    for (const answer of session.answers) {
      m.outcomes.push(...scoreAnswer(analysis, answer));
      m.heard.set(answer.entry.id, answerText(analysis, answer.entry));
      recordEdges(m, analysis, answer);
    }
  }
  return m;
}

function recordEdges(m: Measured, analysis: SessionAnalysis, answer: PlacedAnswer): void {
  const e = edgeErrors(analysis, answer);
  if (e === null) return;
  if (e === 'missed') m.missed.push(answer.entry.id);
  else {
    m.onsets.push(e.onsetMs);
    m.offsets.push(e.offsetMs);
    m.edgeIds.push(answer.entry.id);
  }
}

function printItems(scores: readonly ItemScore[]): void {
  console.log(`  ${'checklist item'.padEnd(32)} ${'recall (should fail)'.padEnd(22)} false alarms (should pass)`);
  for (const s of scores) console.log(`  ${s.item.padEnd(32)} ${ratio(s.hits, s.positives).padEnd(22)} ${ratio(s.falseAlarms, s.negatives)}`);
}

function printEdges(name: string, errors: readonly number[], ids: readonly string[], goals: { median: number; p95: number } | null): void {
  const abs = errors.map(Math.abs);
  const median = quantile(abs, 0.5);
  const p95 = quantile(abs, 0.95);
  const bias = errors.length > 0 ? errors.reduce((a, b) => a + b, 0) / errors.length : null;
  const goal = goals && median !== null && p95 !== null ? `   goal median <= ${goals.median}, p95 <= ${goals.p95}: ${verdict(median <= goals.median && p95 <= goals.p95)}` : '';
  console.log(`speech ${name} error |ms|: median ${fixed(median)}, p95 ${fixed(p95)}, max ${fixed(quantile(abs, 1))}, mean signed ${fixed(bias, 1)} (n=${errors.length})${goal}`);
  const worst = errors.map((e, i) => ({ e, id: ids[i] ?? '' })).sort((a, b) => Math.abs(b.e) - Math.abs(a.e)).slice(0, 3);
  console.log(`  largest: ${worst.map((w) => `${w.id} ${w.e > 0 ? '+' : ''}${w.e.toFixed(0)}`).join(', ')} (+ = detected late)`);
}

function printMistakes(m: Measured, entries: readonly CorpusEntry[]): void {
  const wrong = m.outcomes.filter((o) => (o.expected === 'fail') !== o.flagged);
  if (wrong.length === 0) return;
  console.log('misses and false alarms:');
  const byId = new Map(entries.map((e) => [e.id, e]));
  for (const o of wrong) {
    const entry = byId.get(o.entryId);
    const what = o.expected === 'fail' ? 'missed' : 'false alarm';
    console.log(`  ${what}: ${o.entryId} ${o.item} [${o.status ?? 'n/a'}: ${o.summary}]`);
    console.log(`    ${entry?.voice === 'typed' ? 'typed' : `${entry?.voice ?? ''} said`}: "${entry?.text ?? ''}"${entry?.voice === 'typed' ? '' : `; heard: "${m.heard.get(o.entryId) ?? ''}"`}`);
  }
}

async function realTimeFactor(dataDir: string, entries: readonly CorpusEntry[], transcriber: SpanTranscriber): Promise<void> {
  const spoken = entries.filter((e) => e.voice !== 'typed');
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

export async function accuracyBench(): Promise<void> {
  const entries = loadCorpus();
  const transcriber = await recogniser();
  const dataDir = mkdtempSync(join(tmpdir(), 'tryout-accuracy-'));
  try {
    const spoken = entries.filter((e) => e.voice !== 'typed');
    console.log(
      `accuracy corpus: ${entries.length} answers (${spoken.filter((e) => e.voice === 'us-slt').length} us-slt, ${spoken.filter((e) => e.voice === 'kal').length} kal, ${entries.length - spoken.length} typed) in ${corpusSessions(entries).length} calls; ` +
        `engine ${transcriber.engine}; room noise on the mic ${ROOM_NOISE_DBFS} dBFS`,
    );
    const m = await measureCorpus(dataDir, entries, transcriber);
    const scores = itemScores(m.outcomes);
    printItems(scores);
    const disrespect = pooled(scores.filter((s) => RESPECT_ITEMS(s.item)));
    const respectful = new Set(entries.filter((e) => e.respectful).map((e) => e.id));
    const onRespectful = pooled(itemScores(m.outcomes.filter((o) => respectful.has(o.entryId) && o.expected === 'pass')));
    const patience = pooled(scores.filter((s) => s.item.startsWith('patience/')));
    const writing = pooled(scores.filter((s) => s.item.startsWith('writing/')));
    const r = disrespect.recall ?? 0;
    const f = onRespectful.falseAlarmRate ?? 0;
    console.log(`recall on disrespect (respect items, writing apology/no-blame; ${disrespect.positives} labels): ${r.toFixed(2)}   goal >= ${GOALS.recall}: ${verdict(r >= GOALS.recall)}`);
    console.log(`false alarms on respectful answers (${onRespectful.negatives} labels): ${f.toFixed(2)}   goal <= ${GOALS.falseAlarms}: ${verdict(f <= GOALS.falseAlarms)}`);
    console.log(`patience items: recall ${fixed(patience.recall, 2)} (${patience.positives}), false alarms ${fixed(patience.falseAlarmRate, 2)} (${patience.negatives}); writing items: recall ${fixed(writing.recall, 2)} (${writing.positives}), false alarms ${fixed(writing.falseAlarmRate, 2)} (${writing.negatives})`);
    printEdges('onset', m.onsets, m.edgeIds, { median: GOALS.onsetMedianMs, p95: GOALS.onsetP95Ms });
    printEdges('offset', m.offsets, m.edgeIds, null);
    if (m.missed.length > 0) console.log(`spoken answers with no speech detected: ${m.missed.join(', ')}`);
    printMistakes(m, entries);
    await realTimeFactor(dataDir, entries, transcriber);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
