import { z } from 'zod';
import { ScenarioIdSchema, StepIdSchema } from '../session/ids.js';
import { FactSchema, ItemRefSchema, OUTCOMES, StepGoalsSchema } from './goals-schema.js';

/**
 * The scenario format. A step is an object with an `id` and exactly one kind key:
 * say | hold | listen | type | repeat | branch. Unknown keys are errors.
 */
const seconds = (max: number) => z.number().positive().max(max);
const clipName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*\.wav$/, 'clip must be a file name like "greet.wav" inside audio/<scenario-id>/');

const common = {
  id: StepIdSchema,
  /** Next step id; by default the following step. "end" ends the call. */
  next: z.string().optional(),
};

export const SayStepSchema = z.strictObject({
  ...common,
  say: z.string().min(1).max(1000),
  /** Defaults to <step-id>.wav in scenarios/audio/<scenario-id>/. */
  clip: clipName.optional(),
  /** Set on a customer's last line: how the call ended (the judgement reads it). */
  outcome: z.enum(OUTCOMES).optional(),
});

export const HoldStepSchema = z.strictObject({
  ...common,
  hold: z.strictObject({
    /** The hold lasts this long unless the trainee resumes the call earlier. */
    seconds: seconds(1800),
    music: z.boolean().default(true),
    /** Expected check-in interval, read by the patience checks. */
    checkInEverySeconds: seconds(600).optional(),
  }),
});

export const ListenStepSchema = z.strictObject({
  ...common,
  listen: z.strictObject({
    /** With no speech by then, the turn ends unanswered. */
    timeoutSeconds: seconds(300).default(20),
    maxSeconds: seconds(600).default(90),
    hint: z.string().max(300).optional(),
    /** The customer keeps typing loudly while the trainee answers (the not-listening test). */
    typingNoise: z.boolean().default(false),
    /** false: no "are you still there?" when this step times out (see still-there.ts). */
    stillThere: z.boolean().optional(),
  }),
  goals: StepGoalsSchema.optional(),
});

export const TypeStepSchema = z.strictObject({
  ...common,
  type: z.strictObject({
    prompt: z.string().min(1).max(4000),
    /** The message the trainee answers (a complaint e-mail, a chat), shown on screen. */
    message: z.string().max(10_000).optional(),
    minChars: z.number().int().nonnegative().max(10_000).default(1),
  }),
  goals: StepGoalsSchema.optional(),
});

export const RepeatStepSchema = z.strictObject({
  ...common,
  repeat: z.strictObject({
    /** The listen step whose answer the customer asks to hear again. */
    of: StepIdSchema,
    say: z.string().min(1).max(1000),
    clip: clipName.optional(),
    timeoutSeconds: seconds(300).default(20),
    maxSeconds: seconds(600).default(90),
    typingNoise: z.boolean().default(false),
    stillThere: z.boolean().optional(),
  }),
  /** A repeat is judged as a repeat (full-repeat) on top of these goals. */
  goals: StepGoalsSchema.optional(),
});

/**
 * A rule about the last turn. One key per rule; new rule kinds (e.g. checklist results)
 * are added as new keys, so existing files keep their meaning.
 */
export const CHECKLIST_IDS = ['respect', 'patience', 'writing', 'recall', 'escalation'] as const;

const phrases = z.array(z.string().min(1).max(200)).min(1).max(100);
export const BranchRuleSchema = z.union([
  z.strictObject({ typedContains: phrases }),
  z.strictObject({ typedLacks: phrases }),
  /**
   * Phrase rules on the transcript of the last spoken turn (speech recognition in the back end).
   * A phrase matches whole words in order ("sorry" is not in "sorrowful"); see phrases.ts.
   * Without a transcript neither holds; a turn with no speech said nothing.
   */
  z.strictObject({ saidContains: phrases }),
  z.strictObject({ saidLacks: phrases }),
  /** The trainee started speaking while the customer's preceding line was still playing. */
  z.strictObject({ talkedOver: z.boolean() }),
  /**
   * A checklist result about the last turn, e.g. { checklist: respect, item: no-blame, is: fail }.
   * The slot for the checks: until an item is evaluated for the turn, the rule does not hold.
   */
  z.strictObject({
    check: z.strictObject({
      checklist: z.enum(CHECKLIST_IDS),
      item: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/),
      is: z.enum(['pass', 'fail', 'needs-review']),
    }),
  }),
  z.strictObject({ spokeAtLeastSeconds: z.number().nonnegative() }),
  z.strictObject({ spokeUnderSeconds: z.number().positive() }),
  z.strictObject({ answeredWithinSeconds: z.number().positive() }),
  z.strictObject({ noAnswer: z.literal(true) }),
]);
export type BranchRule = z.infer<typeof BranchRuleSchema>;

export const BranchStepSchema = z.strictObject({
  id: StepIdSchema,
  branch: z.strictObject({
    rules: z
      .array(
        z.strictObject({
          when: BranchRuleSchema,
          goto: z.string(),
          /** The checklist item to blame when this branch leads to a bad outcome. */
          because: ItemRefSchema.optional(),
        }),
      )
      .min(1),
    otherwise: z.string(),
  }),
});

export const STEP_KINDS = ['say', 'hold', 'listen', 'type', 'repeat', 'branch'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export const STEP_SCHEMAS = {
  say: SayStepSchema,
  hold: HoldStepSchema,
  listen: ListenStepSchema,
  type: TypeStepSchema,
  repeat: RepeatStepSchema,
  branch: BranchStepSchema,
} as const;

export type SayStep = z.infer<typeof SayStepSchema>;
export type HoldStep = z.infer<typeof HoldStepSchema>;
export type ListenStep = z.infer<typeof ListenStepSchema>;
export type TypeStep = z.infer<typeof TypeStepSchema>;
export type RepeatStep = z.infer<typeof RepeatStepSchema>;
export type BranchStep = z.infer<typeof BranchStepSchema>;
export type Step = SayStep | HoldStep | ListenStep | TypeStep | RepeatStep | BranchStep;


/**
 * What the customer says when a listening step times out in silence: `false` (never), or the
 * line; every key has a default (still-there.ts).
 */
export const StillThereSchema = z.union([
  z.strictObject({
    say: z.string().min(1).max(300).optional(),
    clip: clipName.optional(),
    /** After the line, the trainee has this long to start answering before the step moves on. */
    waitSeconds: seconds(60).optional(),
  }, { error: (issue) => (issue.code === 'invalid_type' ? '"stillThere" must be false, or a mapping with say, clip and waitSeconds' : undefined) }),
  z.literal(false),
]);

/** The scenario document without steps; steps are validated one by one, by kind. */
export const ScenarioHeaderSchema = z.strictObject({
  id: ScenarioIdSchema,
  title: z.string().min(1).max(120),
  brief: z.string().min(1).max(4000),
  customer: z.strictObject({
    name: z.string().min(1).max(120),
    /** Festival voice used by `npm run clips:render`. */
    voice: z.enum(['us-slt', 'kal']).default('us-slt'),
  }),
  checklists: z.array(z.enum(CHECKLIST_IDS)).default([]),
  /** Details the customer gives that answers must get right (see goals-schema.ts). */
  facts: z.array(FactSchema).max(30).optional(),
  /**
   * A visible queue counter ("callers waiting") that climbs during the call: it starts at
   * `start` and gains one caller every `risesEverySeconds` of call time, up to `max`.
   */
  queue: z
    .strictObject({
      start: z.number().int().nonnegative().max(999),
      risesEverySeconds: seconds(3600),
      max: z.number().int().positive().max(999).default(99),
    })
    .optional(),
  /** The "Hello? Are you still there?" line after a silent timeout; absent: the default line. */
  stillThere: StillThereSchema.optional(),
  steps: z.array(z.unknown()).min(1, 'a scenario needs at least one step'),
});

export type Scenario = Omit<z.infer<typeof ScenarioHeaderSchema>, 'steps'> & {
  readonly steps: readonly Step[];
};

/** A problem found while loading a scenario file. Positions are 1-based. */
export interface ScenarioProblem {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

export function stepKind(step: Step): StepKind {
  for (const kind of STEP_KINDS) if (kind in step) return kind;
  throw new Error(`step ${step.id} has no kind`);
}

/** Clip file name a say/repeat step plays (inside scenarios/audio/<scenario-id>/). */
export function clipFor(step: SayStep | RepeatStep): string {
  if ('say' in step) return step.clip ?? `${step.id}.wav`;
  return step.repeat.clip ?? `${step.id}.wav`;
}
