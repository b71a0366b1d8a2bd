/**
 * Fallback when a line has no clip: the operating system's voice reads the caption. It is
 * not part of the recording (it cannot be routed into the AudioContext). Resolves when done;
 * where no voice exists, after the time the caption would take to read aloud.
 */
export function speakWithSystemVoice(text: string): Promise<void> {
  const estimateMs = 600 + text.split(/\s+/).length * 380;
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, estimateMs + 4000);
    if (typeof speechSynthesis === 'undefined' || speechSynthesis.getVoices().length === 0) {
      clearTimeout(fallback);
      setTimeout(resolve, estimateMs);
      return;
    }
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.onend = utterance.onerror = () => {
      clearTimeout(fallback);
      resolve();
    };
    speechSynthesis.speak(utterance);
  });
}
