import { describe, expect, it } from 'vitest';
import { normaliseWord, wordsFromWhisperSegments } from '../../../../electron/services/transcription/whisper-output.js';

describe('whisper segments to words', () => {
  it('joins tokens into words, times in frames, text like pocketsphinx (lower case, no punctuation)', () => {
    const segments = [
      { text: ' I', t0: 100, t1: 250 },
      { text: ' apolog', t0: 250, t1: 600 },
      { text: 'ise', t0: 600, t1: 900 },
      { text: ' for', t0: 900, t1: 1000 },
      { text: ' the', t0: 1000, t1: 1100 },
      { text: ' delay', t0: 1100, t1: 1500 },
      { text: '.', t0: 1500, t1: 1520 },
      { text: " Don't", t0: 1600, t1: 1800 },
    ];
    expect(wordsFromWhisperSegments(segments, 16_000, 40_000)).toEqual({
      text: "i apologise for the delay don't",
      words: [
        { word: 'i', startFrame: 1600, endFrame: 4000, confidence: 1 },
        { word: 'apologise', startFrame: 4000, endFrame: 14_400, confidence: 1 },
        { word: 'for', startFrame: 14_400, endFrame: 16_000, confidence: 1 },
        { word: 'the', startFrame: 16_000, endFrame: 17_600, confidence: 1 },
        { word: 'delay', startFrame: 17_600, endFrame: 24_320, confidence: 1 },
        { word: "don't", startFrame: 25_600, endFrame: 28_800, confidence: 1 },
      ],
    });
  });

  it('drops annotations and empty tokens, and keeps times inside the audio', () => {
    const segments = [
      { text: ' [BLANK_AUDIO]', t0: 0, t1: 1000 },
      { text: ' (music)', t0: 1000, t1: 2000 },
      { text: '  ', t0: 2000, t1: 2100 },
      { text: ' -', t0: 2100, t1: 2200 },
      { text: ' Sorry', t0: 2200, t1: 9000 },
    ];
    expect(wordsFromWhisperSegments(segments, 16_000, 48_000)).toEqual({ text: 'sorry', words: [{ word: 'sorry', startFrame: 35_200, endFrame: 48_000, confidence: 1 }] });
    expect(wordsFromWhisperSegments([], 16_000, 100)).toEqual({ text: '', words: [] });
  });

  it('normalises curly apostrophes and surrounding punctuation', () => {
    expect(normaliseWord('“Don’t!”')).toBe("don't");
    expect(normaliseWord('...')).toBe('');
  });
});
