import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';
import { builder, filesUnder, installsOn, lock, TARGETS } from './installer-facts.js';

/**
 * What an installer would ship, read from package-lock.json and electron-builder.yml (the
 * installers themselves cannot be built here: electron-builder downloads Electron). Every target
 * OS must get a recogniser that needs nothing but the package, and its model and WebAssembly
 * must sit outside app.asar, where they can be read as files.
 */

describe('speech recognition in every installer', () => {
  const spotter = lock.packages['node_modules/soundswallower'];

  it('ships the phrase spotter (WebAssembly, its own model) on every target OS', () => {
    expect(spotter?.version).toBe('0.6.3');
    for (const target of TARGETS) expect(spotter && installsOn(spotter, target), `${target.os}-${target.cpu}`).toBe(true);
  });

  it('unpacks the spotter\'s model and WebAssembly from app.asar', () => {
    const patterns = builder.asarUnpack ?? [];
    const needed = filesUnder('node_modules/soundswallower/model/en-us').concat(['node_modules/soundswallower/soundswallower.node.wasm']);
    const packed = needed.filter((file) => !patterns.some((p) => minimatch(file, p, { dot: true })));
    expect(packed).toEqual([]);
    for (const ext of ['node', 'wasm', 'dll', 'dylib', 'so']) expect(patterns.some((p) => minimatch(`node_modules/x/lib/a.${ext}`, p)), ext).toBe(true);
  });
});
