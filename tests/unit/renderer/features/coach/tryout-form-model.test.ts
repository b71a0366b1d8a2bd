import { describe, expect, it } from 'vitest';
import {
  addScenario,
  localDay,
  moveItem,
  newTryoutForm,
  pinFormProblem,
  retryMessage,
  saveInputOf,
  toggleChecklist,
} from '../../../../../renderer/features/coach/tryout-form-model.js';

const ALL = ['respect', 'patience', 'writing', 'recall', 'escalation'] as const;

describe('the tryout form model', () => {
  it('moves a playlist item up and down, and leaves the list alone at either end', () => {
    const ids = ['a', 'b', 'c'];
    expect(moveItem(ids, 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(ids, 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(ids, 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(ids, 2, 1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(ids, 5, -1)).toEqual(['a', 'b', 'c']);
    expect(ids).toEqual(['a', 'b', 'c']);
  });

  it('adds a scenario once only', () => {
    expect(addScenario(['a'], 'b')).toEqual(['a', 'b']);
    expect(addScenario(['a', 'b'], 'a')).toEqual(['a', 'b']);
  });

  it('keeps checklists in their canonical order when toggled', () => {
    expect(toggleChecklist(['respect', 'patience'], 'escalation', true, ALL)).toEqual(['respect', 'patience', 'escalation']);
    expect(toggleChecklist(['escalation'], 'respect', true, ALL)).toEqual(['respect', 'escalation']);
    expect(toggleChecklist(['respect', 'patience'], 'respect', false, ALL)).toEqual(['patience']);
  });

  it('starts a new tryout on the given day with respect and patience, and sends no id for it', () => {
    const form = newTryoutForm('2026-11-23');
    expect(form).toMatchObject({ id: null, date: '2026-11-23', checklistIds: ['respect', 'patience'] });
    expect(saveInputOf({ ...form, name: 'Spring', scenarioIds: ['angry-caller'] })).toEqual({
      name: 'Spring',
      date: '2026-11-23',
      scenarioIds: ['angry-caller'],
      checklistIds: ['respect', 'patience'],
      typedStepsAllowed: true,
    });
    expect(saveInputOf({ ...form, id: 'spring-1234' })).toHaveProperty('id', 'spring-1234');
  });

  it('writes the local calendar day with two-digit month and day', () => {
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  it('checks PIN forms with plain messages', () => {
    expect(pinFormProblem({ current: '', pin: '1234', confirm: '1234' }, false)).toBeNull();
    expect(pinFormProblem({ current: '', pin: '123', confirm: '123' }, false)).toMatch(/4 to 12 digits/);
    expect(pinFormProblem({ current: '', pin: '12a4', confirm: '12a4' }, false)).toMatch(/4 to 12 digits/);
    expect(pinFormProblem({ current: '', pin: '1234', confirm: '1243' }, false)).toMatch(/do not match/);
    expect(pinFormProblem({ current: '', pin: '1234', confirm: '1234' }, true)).toMatch(/current PIN/);
    expect(pinFormProblem({ current: '9999', pin: '1234', confirm: '1234' }, true)).toBeNull();
  });

  it('says how long to wait after a wrong PIN in whole seconds', () => {
    expect(retryMessage(1500)).toBe('Wrong PIN: try again in 2 s.');
    expect(retryMessage(0)).toBe('Wrong PIN: check it and try again.');
  });
});
