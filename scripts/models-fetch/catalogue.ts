import { SHERPA_MODEL } from '../../electron/services/transcription/sherpa-onnx-model.js';

/**
 * The models `npm run models:fetch` knows: whisper.cpp's ggml files (ggerganov/whisper.cpp on
 * Hugging Face) and sherpa-onnx's model folders, with the SHA-256 of each published file (the LFS
 * object id) to check downloads.
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

/** A model made of several files, downloaded into one folder of the models folder. */
export interface ModelBundle {
  /** The folder inside the models folder (the app looks for exactly this name). */
  readonly folder: string;
  readonly files: readonly ModelEntry[];
  readonly megabytes: number;
}

/**
 * sherpa-onnx's Zipformer small English transducer, int8, pinned to one revision of
 * csukuangfj/sherpa-onnx-zipformer-small-en-2023-06-26 on Hugging Face (the files of the
 * asr-models release archive, without bzip2). The SHA-256 values are the LFS object ids of that
 * revision as recorded in a public model catalogue; they could not be downloaded and checked
 * where this was written (no internet), so the first `models:fetch` checks them for real: a
 * mismatch stops with "The download is damaged or not the expected file" and keeps nothing.
 */
const SHERPA_REVISION = 'https://huggingface.co/csukuangfj/sherpa-onnx-zipformer-small-en-2023-06-26/resolve/e8add5377a6cb7b629b5a0e08d6afe7a73442814';

export const BUNDLES: Readonly<Record<string, ModelBundle>> = {
  'zipformer-small-en': {
    folder: SHERPA_MODEL.folder,
    megabytes: 28,
    files: [
      { fileName: SHERPA_MODEL.encoder, url: `${SHERPA_REVISION}/${SHERPA_MODEL.encoder}`, sha256: '3a6ac78a31cc2c60ca8c1e2e2f43c878fbbcaf051ada4900e0a42ef8ba53d375', megabytes: 26 },
      { fileName: SHERPA_MODEL.decoder, url: `${SHERPA_REVISION}/${SHERPA_MODEL.decoder}`, sha256: 'f462ab9189ba6f9b2658774e6bf3d651913de54a3833655dc5e093e2f5e4c2b6', megabytes: 1.3 },
      { fileName: SHERPA_MODEL.joiner, url: `${SHERPA_REVISION}/${SHERPA_MODEL.joiner}`, sha256: '6b183b6ec656e4d3ca6b86d0aeca992dac14df80aae6b416d7c068d0ff2bd4d7', megabytes: 0.3 },
      { fileName: SHERPA_MODEL.tokens, url: `${SHERPA_REVISION}/${SHERPA_MODEL.tokens}`, sha256: '49e3c2646595fd907228b3c6787069658f67b17377c60aeb8619c4551b2316fb', megabytes: 0.01 },
    ],
  },
};
