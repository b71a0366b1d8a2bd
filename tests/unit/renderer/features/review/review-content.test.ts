import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../../core/analysis/findings.js';
import { EMPTY_REVIEW_CONTENT, ReviewContentSchema, type Annotation } from '../../../../../core/review/schema.js';
import { addAnnotation, decide, missingReasons, removeAnnotation, savableContent, undecide } from '../../../../../renderer/features/review/review-content.js';

const NOW = '2026-11-23T16:00:00.000Z';
const failing: Finding = { checklist: 'respect', item: 'no-dismissive-phrases', title: 'No dismissive phrases', kind: 'auto', status: 'fail', rule: 'phrasesAbsent', summary: 'said "calm down"', evidence: [] };
const passing: Finding = { ...failing, item: 'no-talk-over', title: 'No talking over', status: 'pass' };

function mark(id: string, startFrame: number): Annotation {
  return { id, startFrame, endFrame: null, note: '', tags: [], createdAt: NOW };
}

describe('editing a review', () => {
  it('keeps the automatic status beside the coach call, and confirming needs no reason', () => {
    const c = decide(EMPTY_REVIEW_CONTENT, failing, 'fail', '', NOW);
    expect(c.decisions['respect/no-dismissive-phrases']).toEqual({ automaticStatus: 'fail', status: 'fail', reason: '', decidedAt: NOW });
    expect(missingReasons(c)).toEqual([]);
    expect(ReviewContentSchema.safeParse(savableContent(c)).success).toBe(true);
  });

  it('leaves an override out of what is saved until it has a reason, then saves it trimmed', () => {
    const pending = decide(EMPTY_REVIEW_CONTENT, failing, 'pass', '   ', NOW);
    expect(missingReasons(pending)).toEqual(['respect/no-dismissive-phrases']);
    expect(savableContent(pending).decisions).toEqual({});
    const reasoned = decide(pending, failing, 'pass', ' It was a joke the caller laughed at. ', NOW);
    const saved = savableContent(reasoned);
    expect(saved.decisions['respect/no-dismissive-phrases']).toMatchObject({ automaticStatus: 'fail', status: 'pass', reason: 'It was a joke the caller laughed at.' });
    expect(ReviewContentSchema.safeParse(saved).success).toBe(true);
  });

  it('lets a coach override a not-applicable finding, with a reason, and the review file takes it', () => {
    const notApplicable: Finding = { ...failing, item: 'asks-before-hold', status: 'not-applicable', summary: 'no hold in this call' };
    const c = decide(EMPTY_REVIEW_CONTENT, notApplicable, 'fail', 'put him on hold at 1:10 without asking', NOW);
    expect(c.decisions['respect/asks-before-hold']).toMatchObject({ automaticStatus: 'not-applicable', status: 'fail' });
    expect(missingReasons(decide(EMPTY_REVIEW_CONTENT, notApplicable, 'pass', '', NOW))).toEqual(['respect/asks-before-hold']);
    expect(ReviewContentSchema.safeParse(savableContent(c)).success).toBe(true);
  });

  it('clears one decision without touching the others', () => {
    const both = decide(decide(EMPTY_REVIEW_CONTENT, failing, 'fail', '', NOW), passing, 'pass', '', NOW);
    expect(Object.keys(undecide(both, failing).decisions)).toEqual(['respect/no-talk-over']);
  });

  it('keeps annotations in time order, replaces one by id and removes it', () => {
    let c = addAnnotation(EMPTY_REVIEW_CONTENT, mark('b', 32_000));
    c = addAnnotation(c, mark('a', 16_000));
    c = addAnnotation(c, { ...mark('b', 48_000), note: 'sighs' });
    expect(c.annotations.map((a) => [a.id, a.startFrame, a.note])).toEqual([['a', 16_000, ''], ['b', 48_000, 'sighs']]);
    expect(removeAnnotation(c, 'a').annotations.map((a) => a.id)).toEqual(['b']);
  });
});
