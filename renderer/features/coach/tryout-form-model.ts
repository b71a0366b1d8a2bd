import type { Tryout, TryoutDefinition } from '../../../core/tryout/schema.js';

/** The tryout form's state and the pure steps on it (no React, so unit tests can reach them). */

export type ChecklistId = TryoutDefinition['checklistIds'][number];

export interface TryoutFormState {
  /** Null for a new tryout; the saved tryout's id when editing it. */
  readonly id: string | null;
  readonly name: string;
  readonly date: string;
  readonly scenarioIds: readonly string[];
  readonly checklistIds: readonly ChecklistId[];
  readonly typedStepsAllowed: boolean;
}

/** A new tryout starts with the checklists every call is judged on. */
export const DEFAULT_CHECKLISTS: readonly ChecklistId[] = ['respect', 'patience'];

/** Today on this laptop's calendar, YYYY-MM-DD (local time: a tryout day is a local day). */
export function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function newTryoutForm(today: string): TryoutFormState {
  return { id: null, name: '', date: today, scenarioIds: [], checklistIds: DEFAULT_CHECKLISTS, typedStepsAllowed: true };
}

export function formOfTryout(t: Tryout): TryoutFormState {
  return { id: t.id, name: t.name, date: t.date, scenarioIds: t.scenarioIds, checklistIds: t.checklistIds, typedStepsAllowed: t.typedStepsAllowed };
}

/** What saveTryout receives: the definition, plus the id when replacing a saved tryout. */
export function saveInputOf(form: TryoutFormState): TryoutDefinition & { id?: string } {
  const definition: TryoutDefinition = {
    name: form.name,
    date: form.date,
    scenarioIds: [...form.scenarioIds],
    checklistIds: [...form.checklistIds],
    typedStepsAllowed: form.typedStepsAllowed,
  };
  return form.id === null ? definition : { ...definition, id: form.id };
}

/** The list with the item at `index` moved one place up (-1) or down (+1); unchanged at either end. */
export function moveItem<T>(items: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  const copy = [...items];
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return copy;
  const [moved] = copy.splice(index, 1) as [T];
  copy.splice(to, 0, moved);
  return copy;
}

/** The playlist with this scenario appended (a scenario is in it at most once). */
export function addScenario(ids: readonly string[], id: string): string[] {
  return ids.includes(id) ? [...ids] : [...ids, id];
}

/** The checklists with `id` turned on or off, kept in the order of `all`. */
export function toggleChecklist(chosen: readonly ChecklistId[], id: ChecklistId, on: boolean, all: readonly ChecklistId[]): ChecklistId[] {
  return all.filter((c) => (c === id ? on : chosen.includes(c)));
}

/** "Respect" for "respect": the checklists' ids are their titles in lower case. */
export function checklistLabel(id: ChecklistId): string {
  return id.charAt(0).toUpperCase() + id.slice(1);
}

export interface PinForm {
  readonly current: string;
  readonly pin: string;
  readonly confirm: string;
}

/** Why the PIN form cannot be sent yet (a plain message), or null. `changing` asks for the current PIN too. */
export function pinFormProblem(form: PinForm, changing: boolean): string | null {
  if (changing && form.current === '') return 'Enter the current PIN.';
  if (!/^\d{4,12}$/.test(form.pin)) return 'The new PIN must be 4 to 12 digits (numbers only).';
  if (form.pin !== form.confirm) return 'The two PINs do not match: type the same PIN twice.';
  return null;
}

/** "Wrong PIN: try again in N s" (whole seconds); the first few wrong PINs cost no wait. */
export function retryMessage(retryAfterMs: number): string {
  if (retryAfterMs <= 0) return 'Wrong PIN: check it and try again.';
  return `Wrong PIN: try again in ${Math.ceil(retryAfterMs / 1000)} s.`;
}
