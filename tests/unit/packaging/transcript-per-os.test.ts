import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';
import { builder, filesUnder, installsOn, lock, TARGETS, type Target } from './installer-facts.js';
import { sherpaModelsDirs } from '../../../electron/services/transcription/choose-transcriber.js';
import { BUNDLES } from '../../../scripts/models-fetch/catalogue.js';

/**
 * The free transcript's engine in every installer, read from package-lock.json and
 * electron-builder.yml: sherpa-onnx-node with the platform package for each target OS in the
 * lockfile, its addon and libraries unpacked from app.asar, and the models folder shipped as
 * resources. (Installers cannot be built here; electron-builder downloads Electron.)
 */

/** What each platform package holds, as `npm pack sherpa-onnx-<p>@1.13.8 --dry-run` listed it (linux-x64 is read from disk). */
const PLATFORM_FILES: Readonly<Record<string, readonly string[]>> = {
  'win-x64': ['index.js', 'onnxruntime.dll', 'onnxruntime_providers_shared.dll', 'sherpa-onnx-c-api.dll', 'sherpa-onnx-cxx-api.dll', 'sherpa-onnx.node'],
  'darwin-x64': ['index.js', 'libonnxruntime.dylib', 'libsherpa-onnx-c-api.dylib', 'libsherpa-onnx-cxx-api.dylib', 'sherpa-onnx.node'],
  'darwin-arm64': ['index.js', 'libonnxruntime.dylib', 'libsherpa-onnx-c-api.dylib', 'libsherpa-onnx-cxx-api.dylib', 'sherpa-onnx.node'],
};

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies?: Record<string, string> };
const unpackPatterns = builder.asarUnpack ?? [];
const unpacked = (file: string) => unpackPatterns.some((p) => minimatch(file, p, { dot: true }));

function platformPackage(target: Target): string {
  return `sherpa-onnx-${target.os === 'win32' ? 'win' : target.os}-${target.cpu}`;
}

describe('a transcript engine in every installer', () => {
  const node = lock.packages['node_modules/sherpa-onnx-node'];

  it('ships sherpa-onnx-node 1.13.8 as a runtime dependency (packed into the app, not a dev tool)', () => {
    expect(pkg.dependencies?.['sherpa-onnx-node']).toBe('1.13.8');
    expect(node?.version).toBe('1.13.8');
    expect(node?.dev).toBeUndefined();
  });

  for (const target of TARGETS) {
    const name = platformPackage(target);
    it(`${target.os}-${target.cpu}: ${name} is in the lockfile and installs there`, () => {
      expect(node?.optionalDependencies?.[name], `sherpa-onnx-node lists ${name}`).toBeDefined();
      const entry = lock.packages[`node_modules/${name}`];
      expect(entry?.version, `${name} in package-lock.json`).toBe('1.13.8');
      expect(entry && installsOn(entry, target)).toBe(true);
    });

    it(`${target.os}-${target.cpu}: the addon and its libraries are unpacked from app.asar`, () => {
      const key = name.replace('sherpa-onnx-', '');
      const listed = PLATFORM_FILES[key];
      const local = `node_modules/${name}`;
      const files = listed ? listed.map((f) => `${local}/${f}`) : existsSync(local) ? filesUnder(local) : [];
      expect(files.some((f) => f.endsWith('/sherpa-onnx.node')), `${name}'s file list`).toBe(true);
      expect(files.filter((f) => !unpacked(f))).toEqual([]);
    });
  }

  it('every native binary, WebAssembly module and model file of the runtime packages installed here is unpacked', () => {
    const runtime = Object.entries(lock.packages).filter(([path, entry]) => path.startsWith('node_modules/') && !entry.dev && existsSync(path));
    const native = /\.(node|wasm|dll|dylib|so(\.\d+)*|onnx)$/i;
    const files = runtime.flatMap(([path]) => filesUnder(path)).filter((f) => native.test(f) || f.startsWith('node_modules/soundswallower/model/'));
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((f) => !unpacked(f))).toEqual([]);
  });

  it('ships the models folder models:fetch fills at packaging time as resources/models, where the app looks', () => {
    const models = (builder.extraResources ?? []).find((r) => typeof r === 'object' && r.to === 'models');
    expect(models).toEqual({ from: 'build/models', to: 'models' });
    const bundle = BUNDLES['zipformer-small-en'];
    expect(bundle?.files.every((f) => /^[0-9a-f]{64}$/.test(f.sha256) && f.url.startsWith('https://'))).toBe(true);
    const withResources = process as { resourcesPath?: string };
    const before = withResources.resourcesPath;
    withResources.resourcesPath = '/opt/Tryout/resources';
    try {
      expect(sherpaModelsDirs({ whisperModel: '/data/models' })).toEqual(['/data/models', join('/opt/Tryout/resources', 'models')]);
    } finally {
      withResources.resourcesPath = before;
    }
  });
});
