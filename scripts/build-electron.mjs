// Bundles the Electron main process (ESM) and the sandboxed preload (CommonJS, one file:
// sandboxed preloads cannot require relative modules) into dist/electron/.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, logLevel: 'warning' };
await build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.js', format: 'esm', packages: 'external' });
// The analysis worker thread (electron/services/analysis/analysis-runner.ts starts it next to main.js).
await build({ ...common, entryPoints: ['electron/services/analysis/analysis-worker.ts'], outfile: 'dist/electron/analysis-worker.js', format: 'esm', packages: 'external' });
// The phrase spotter's thread (electron/services/transcription/spotter-client.ts starts it next to main.js).
await build({ ...common, entryPoints: ['electron/services/transcription/spotter-thread.ts'], outfile: 'dist/electron/spotter-thread.js', format: 'esm', packages: 'external' });
await build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', external: ['electron'] });
console.log('built dist/electron/main.js and dist/electron/preload.cjs');
