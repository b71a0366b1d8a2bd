/**
 * The whisper.cpp models `npm run models:fetch` knows: ggml files of ggerganov/whisper.cpp on
 * Hugging Face, with the SHA-256 of the published file (the LFS object id) to check downloads.
 */
export interface ModelEntry {
  readonly fileName: string;
  readonly url: string;
  readonly sha256: string;
  /** Roughly, for the message before downloading. */
  readonly megabytes: number;
}

const BASE_URL = 'https://huggingface.co/ggerganov/whisper.cpp/resolve/main';

export const MODELS: Readonly<Record<string, ModelEntry>> = {
  'base.en': { fileName: 'ggml-base.en.bin', url: `${BASE_URL}/ggml-base.en.bin`, sha256: 'a03779c86df3323075f5e796cb2ce5029f00ec8869eee3fdfb897afe36c6d002', megabytes: 148 },
  'tiny.en': { fileName: 'ggml-tiny.en.bin', url: `${BASE_URL}/ggml-tiny.en.bin`, sha256: '921e4cf8686fdd993dcd081a5da5b6c365bfde1162e72b08d75ac75289920b1f', megabytes: 78 },
};

/** English only, small enough for a kiosk laptop, clearly better than tiny on accented speech. */
export const DEFAULT_MODEL = 'base.en';
