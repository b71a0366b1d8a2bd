import { writeFileSync } from 'node:fs';

/**
 * Writes a tiny whisper.cpp ggml model with made-up weights (about 2.3 MB), in the layout
 * whisper_model_load reads: magic, hyper-parameters, mel filters, vocabulary, then each tensor
 * (dims, name, f32 data). The architecture is a real whisper one, just 8 wide with one layer
 * each side, so whisper.cpp loads it and decodes audio with it; the words are nonsense (" w10")
 * but the whole path runs: file, loading, decoding, token timestamps. The weights come from a
 * fixed pseudo-random sequence, so the file (and what it decodes) is the same every time.
 */
export const TINY_WHISPER = {
  nVocab: 51864, // English-only vocabulary size: the special tokens sit where whisper.cpp expects them
  nAudioCtx: 1500,
  width: 8,
  heads: 2,
  nTextCtx: 448,
  nMels: 80,
} as const;

export interface TinyModelOptions {
  /** Cut the file after this many bytes (a half-finished download). */
  readonly truncateAt?: number;
}

export function writeTinyWhisperModel(path: string, opts: TinyModelOptions = {}): void {
  const { nVocab, nAudioCtx, width: S, heads, nTextCtx, nMels } = TINY_WHISPER;
  let seed = 1;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed / 2 ** 32) * 2 - 1;
  };
  const parts: Buffer[] = [];
  const int32 = (...values: number[]) => {
    const b = Buffer.alloc(4 * values.length);
    values.forEach((v, i) => b.writeInt32LE(v, i * 4));
    parts.push(b);
  };
  const float32 = (n: number, value: () => number) => {
    const b = Buffer.alloc(4 * n);
    for (let i = 0; i < n; i++) b.writeFloatLE(value(), i * 4);
    parts.push(b);
  };
  int32(0x67676d6c);
  // n_vocab, n_audio_ctx, n_audio_state, n_audio_head, n_audio_layer, n_text_ctx, n_text_state, n_text_head, n_text_layer, n_mels, ftype (0 = f32)
  int32(nVocab, nAudioCtx, S, heads, 1, nTextCtx, S, heads, 1, nMels, 0);
  int32(nMels, 201);
  float32(nMels * 201, () => Math.abs(random()) * 0.01);
  // The text tokens (the special ones after them are named by whisper.cpp); token 220 must be " ".
  const textTokens = 50256;
  int32(textTokens);
  for (let i = 0; i < textTokens; i++) {
    const word = Buffer.from(i === 220 ? ' ' : ` w${i}`);
    int32(word.length);
    parts.push(word);
  }
  const tensor = (name: string, dims: number[], value: () => number) => {
    const n = Buffer.from(name);
    int32(dims.length, n.length, 0, ...dims);
    parts.push(n);
    float32(
      dims.reduce((a, b) => a * b, 1),
      value,
    );
  };
  const weight = () => random() * 0.5;
  const one = () => 1;
  const zero = () => 0;
  const block = (prefix: string, withCross: boolean) => {
    const norm = (n: string) => {
      tensor(`${prefix}.${n}_ln.weight`, [S], one);
      tensor(`${prefix}.${n}_ln.bias`, [S], zero);
    };
    norm('mlp');
    tensor(`${prefix}.mlp.0.weight`, [S, 4 * S], weight);
    tensor(`${prefix}.mlp.0.bias`, [4 * S], weight);
    tensor(`${prefix}.mlp.2.weight`, [4 * S, S], weight);
    tensor(`${prefix}.mlp.2.bias`, [S], weight);
    for (const attn of withCross ? ['attn', 'cross_attn'] : ['attn']) {
      norm(attn);
      tensor(`${prefix}.${attn}.query.weight`, [S, S], weight);
      tensor(`${prefix}.${attn}.query.bias`, [S], weight);
      tensor(`${prefix}.${attn}.key.weight`, [S, S], weight);
      tensor(`${prefix}.${attn}.value.weight`, [S, S], weight);
      tensor(`${prefix}.${attn}.value.bias`, [S], weight);
      tensor(`${prefix}.${attn}.out.weight`, [S, S], weight);
      tensor(`${prefix}.${attn}.out.bias`, [S], weight);
    }
  };
  tensor('encoder.positional_embedding', [S, nAudioCtx], weight);
  tensor('encoder.conv1.weight', [3, nMels, S], weight);
  tensor('encoder.conv1.bias', [1, S], weight);
  tensor('encoder.conv2.weight', [3, S, S], weight);
  tensor('encoder.conv2.bias', [1, S], weight);
  tensor('encoder.ln_post.weight', [S], one);
  tensor('encoder.ln_post.bias', [S], zero);
  block('encoder.blocks.0', false);
  tensor('decoder.positional_embedding', [S, nTextCtx], weight);
  tensor('decoder.token_embedding.weight', [S, nVocab], weight);
  tensor('decoder.ln.weight', [S], one);
  tensor('decoder.ln.bias', [S], zero);
  block('decoder.blocks.0', true);
  const bytes = Buffer.concat(parts);
  writeFileSync(path, opts.truncateAt === undefined ? bytes : bytes.subarray(0, opts.truncateAt));
}
