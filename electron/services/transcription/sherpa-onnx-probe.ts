import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import type { SherpaOfflineConfig } from './sherpa-onnx-binding.js';

/**
 * sherpa-onnx aborts the whole process (an uncaught Ort::Exception, SIGABRT) when a model file is
 * damaged, so a model is first loaded in a throw-away child process: the same executable (Electron
 * runs as plain Node with ELECTRON_RUN_AS_NODE), the same package. Only when that child loads it
 * does the app load it in its own process. Results are kept per file set (path, size, mtime).
 */
export type ProbeResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const PROBE_SOURCE = `
const [entry, config] = process.argv.slice(-2);
const sherpa = require(entry);
new sherpa.OfflineRecognizer(JSON.parse(config));
`;

const cache = new Map<string, Promise<ProbeResult>>();

async function fileKey(config: SherpaOfflineConfig): Promise<string> {
  const { encoder, decoder, joiner } = config.modelConfig.transducer;
  const parts = await Promise.all(
    [encoder, decoder, joiner, config.modelConfig.tokens].map(async (p) => {
      const info = await stat(p).catch(() => null);
      return `${p}:${info?.size ?? -1}:${info?.mtimeMs ?? -1}`;
    }),
  );
  return parts.join('|');
}

/** Loads the model once in a child process; `reason` is the engine's last line of error output. */
export async function probeSherpaModel(entry: string, config: SherpaOfflineConfig, timeoutMs = 60_000): Promise<ProbeResult> {
  const key = await fileKey(config);
  let result = cache.get(key);
  if (!result) {
    result = new Promise<ProbeResult>((resolve) => {
      execFile(
        process.execPath,
        ['-e', PROBE_SOURCE, '--', entry, JSON.stringify(config)],
        { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, timeout: timeoutMs, windowsHide: true, maxBuffer: 4 * 1024 * 1024 },
        (error, _stdout, stderr) => {
          if (!error) return resolve({ ok: true });
          const lines = stderr.split('\n').map((l) => l.trim()).filter((l) => l.length > 0 && !l.startsWith('at '));
          const said = lines.find((l) => /failed|error|what\(\)/i.test(l)) ?? lines.at(-1);
          resolve({ ok: false, reason: said ?? (error.killed ? `no answer within ${Math.round(timeoutMs / 1000)} s` : `exit ${String(error.code ?? error.signal)}`) });
        },
      );
    });
    cache.set(key, result);
  }
  return result;
}
