import { useCallback, useEffect, useRef, useState } from 'react';
import { speakWithSystemVoice } from '../../audio/system-voice.js';

export interface SystemVoice {
  /** The key of the text being read out, or null. */
  readonly speaking: string | null;
  /** Reads `text` with the system voice (the same voice as a customer line without a clip). */
  speak(key: string, text: string): void;
  stop(): void;
}

function cancelSpeech(): void {
  if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
}

/** One text read aloud at a time; starting another or leaving the screen stops the first. */
export function useSystemVoice(): SystemVoice {
  const [speaking, setSpeaking] = useState<string | null>(null);
  // Each request has a number; a request that was stopped or replaced does not clear the newer state.
  const request = useRef(0);
  const stop = useCallback(() => {
    request.current++;
    cancelSpeech();
    setSpeaking(null);
  }, []);
  const speak = useCallback((key: string, text: string) => {
    cancelSpeech();
    const mine = ++request.current;
    setSpeaking(key);
    void speakWithSystemVoice(text).then(() => {
      if (request.current === mine) setSpeaking(null);
    });
  }, []);
  useEffect(
    () => () => {
      request.current++;
      cancelSpeech();
    },
    [],
  );
  return { speaking, speak, stop };
}
