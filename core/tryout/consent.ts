import { z } from 'zod';

/**
 * The consent a tryout candidate gives before anything is recorded. The text is versioned: the
 * version and the moment of acceptance are stored in the session's manifest, so it is always
 * known which words a candidate agreed to. Change the text -> bump CONSENT_VERSION.
 */

export const CONSENT_VERSION = 'tryout-consent-1';

export const ConsentSchema = z.strictObject({
  version: z.string().min(1).max(64),
  acceptedAt: z.iso.datetime(),
});
export type Consent = z.infer<typeof ConsentSchema>;

export interface ConsentText {
  readonly version: string;
  readonly title: string;
  /** Plain-language paragraphs, shown in order. */
  readonly paragraphs: readonly string[];
  /** The label of the button that accepts. */
  readonly acceptLabel: string;
}

function keptFor(retentionDays: number | null): string {
  if (retentionDays === null) return 'They are kept on this laptop until a coach deletes them. You can ask for them to be deleted at any time.';
  const days = retentionDays === 1 ? '1 day' : `${retentionDays} days`;
  return `They are deleted automatically ${days} after your tryout; only anonymous totals (how many calls, no names, no recordings) are kept. You can ask for them to be deleted sooner.`;
}

/** The consent text in force, with how long recordings are kept (the retention setting). */
export function consentText(retentionDays: number | null): ConsentText {
  return {
    version: CONSENT_VERSION,
    title: 'Before we start: your recording',
    paragraphs: [
      'In this tryout you take practice phone calls with a pretend customer. It is not a real call.',
      'What we record: your voice and the customer’s voice during each call, anything you type, the time of each answer, and the name (and candidate number) you gave.',
      'Who sees it: only the coaches running this tryout. It stays on this laptop; it is not uploaded anywhere. You will not see scores here.',
      `How long it is kept: ${keptFor(retentionDays)}`,
      'If you do not agree, tell the coach; nothing is recorded until you press the button below.',
    ],
    acceptLabel: 'I agree, start the tryout',
  };
}

/**
 * Why a session may not start, or null when it may: a tryout candidate must have accepted the
 * current consent text, and not in the future. Sessions outside a tryout (practice) need none.
 */
export function consentProblem(session: { readonly tryoutId?: string | undefined; readonly consent?: Consent | undefined }, now: Date): string | null {
  if (session.tryoutId === undefined) return null;
  const consent = session.consent;
  if (consent === undefined) return 'The candidate has not accepted the consent text; nothing can be recorded until they do.';
  if (consent.version !== CONSENT_VERSION) return `The candidate accepted an old consent text (${consent.version.slice(0, 64)}); show them the current one (${CONSENT_VERSION}) first.`;
  // A minute of slack for the renderer's clock; consent "given" later than that is not consent.
  if (Date.parse(consent.acceptedAt) > now.getTime() + 60_000) return 'The consent time is in the future; accept the consent text again.';
  return null;
}
