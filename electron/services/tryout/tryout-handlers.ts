import type { ApiMethod } from '../../../core/api-methods.js';
import type { ApiOutputs, ApiParsedInput } from '../../../core/api.js';
import { TryoutError } from '../../../core/errors.js';
import { consentText } from '../../../core/tryout/consent.js';
import { playlistProblem } from '../../../core/tryout/playlist.js';
import type { Scenario } from '../../../core/scenario/schema.js';
import type { Settings } from '../../../core/settings.js';
import type { CoachPin } from './coach-pin.js';
import type { TryoutDay } from './tryout-day.js';
import type { TryoutStore } from './tryout-store.js';

/** The handlers of the tryout methods: tryouts, the day on this laptop, the PIN and coach mode. */

type TryoutMethod =
  | 'listTryouts'
  | 'saveTryout'
  | 'deleteTryout'
  | 'exportTryout'
  | 'importTryout'
  | 'getConsentText'
  | 'coachPinStatus'
  | 'setCoachPin'
  | 'unlockCoach'
  | 'getTryoutDay'
  | 'startTryoutDay'
  | 'endTryoutDay'
  | 'lockCoach';

export type TryoutHandlers = { [M in TryoutMethod & ApiMethod]: (input: ApiParsedInput<M>) => Promise<ApiOutputs[M]> };

export interface TryoutHandlerDeps {
  readonly tryouts: TryoutStore;
  readonly coachPin: CoachPin;
  readonly day: TryoutDay;
  readonly settings: () => Promise<Settings>;
  /** The installed scenarios by id (a playlist may only hold these). */
  readonly scenarios: () => ReadonlyMap<string, Scenario>;
}

export function tryoutHandlers(deps: TryoutHandlerDeps): TryoutHandlers {
  const { tryouts, coachPin, day } = deps;
  return {
    listTryouts: () => tryouts.list(),
    saveTryout: async ({ id, ...definition }) => {
      const problem = playlistProblem(definition, deps.scenarios());
      if (problem !== null) throw new TryoutError('invalid-argument', problem);
      return tryouts.save(definition, id);
    },
    deleteTryout: async ({ tryoutId }) => {
      if (day.tryoutId() === tryoutId) throw new TryoutError('conflict', 'This tryout’s day is on: end the tryout day before deleting it.');
      return tryouts.delete(tryoutId);
    },
    exportTryout: ({ tryoutId }) => tryouts.export(tryoutId),
    importTryout: ({ text }) => tryouts.import(text),
    getConsentText: async () => consentText((await deps.settings()).retentionDays),
    coachPinStatus: () => coachPin.status(),
    setCoachPin: ({ pin, currentPin }) => coachPin.set(pin, currentPin),
    unlockCoach: async ({ pin }) => {
      const result = await coachPin.unlock(pin);
      if (result.ok) day.unlocked();
      return result;
    },
    getTryoutDay: () => day.state(),
    startTryoutDay: ({ tryoutId }) => day.start(tryoutId),
    endTryoutDay: () => day.end(),
    lockCoach: () => day.lock(),
  };
}
