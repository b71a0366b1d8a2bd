/**
 * The judgement part of the bench on its own (the rest of `npm run bench` needs a build and
 * Chromium): `npx tsx tests/bench/judgement.ts [--degradations=clean,telephone]`; set
 * BENCH_RTF=0 to skip the 10-minute real-time-factor call.
 */
import { accuracyBench } from './accuracy.js';

await accuracyBench();
