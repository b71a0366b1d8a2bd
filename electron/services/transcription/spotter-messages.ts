import type { SpotPhrase } from '../../../core/speech/recognition.js';
import type { Transcript } from './transcriber.js';

/** Messages to the spotter thread (spotter-thread.ts). `answer` names an answer being spotted as it arrives. */
export type SpotterRequest =
  | { readonly op: 'transcribe'; readonly id: number; readonly samples: Int16Array; readonly phrases: readonly SpotPhrase[] }
  | { readonly op: 'warm'; readonly id: number }
  | { readonly op: 'listen'; readonly id: number; readonly answer: number; readonly phrases: readonly SpotPhrase[] }
  | { readonly op: 'feed'; readonly answer: number; readonly samples: Int16Array }
  | { readonly op: 'finish'; readonly id: number; readonly answer: number }
  | { readonly op: 'cancel'; readonly answer: number };

export type SpotterReply = { readonly id: number; readonly transcript: Transcript | null } | { readonly id: number; readonly error: string };
