import WaveSurfer from 'wavesurfer.js';
import RegionsPlugin from 'wavesurfer.js/dist/plugins/regions.esm.js';
import TimelinePlugin from 'wavesurfer.js/dist/plugins/timeline.esm.js';
import { peakEnvelopes, type WaveformPeaks } from '../../../core/analysis/peaks.js';

/** The two lanes' heights and colours (customer on top, trainee below). */
export const LANE_HEIGHT = 72;
const LANE_STYLE = [
  { waveColor: '#8a94a6', progressColor: '#4b5565' },
  { waveColor: '#7fa3ea', progressColor: '#2457c5' },
] as const;

/**
 * wavesurfer puts its layout rules in a <style> element inside its shadow root, which the
 * app's Content-Security-Policy (style-src 'self', no 'unsafe-inline') refuses. The same rules
 * as a constructed stylesheet are allowed, so they are adopted here.
 */
const SHADOW_CSS = `
:host { user-select: none; min-width: 1px; }
.scroll { overflow-x: auto; overflow-y: hidden; width: 100%; position: relative; }
.noScrollbar { scrollbar-color: transparent; scrollbar-width: none; }
.noScrollbar::-webkit-scrollbar { display: none; -webkit-appearance: none; }
.wrapper { position: relative; overflow: visible; z-index: 2; }
.canvases { min-height: ${2 * LANE_HEIGHT}px; pointer-events: none; }
.canvases > div { position: relative; }
canvas { display: block; position: absolute; top: 0; image-rendering: pixelated; }
.progress { pointer-events: none; position: absolute; z-index: 2; top: 0; left: 0; width: 0; height: 100%; overflow: hidden; }
.progress > div { position: relative; }
.cursor { pointer-events: none; position: absolute; z-index: 5; top: 0; left: 0; height: 100%; border-radius: 2px; }
[part~="region-content"] { font-size: 12px; color: #1d2430; }
[part~="marker"] [part~="region-content"] { background: #fff; border-radius: 3px; }
`;
let sheet: CSSStyleSheet | null = null;

function adoptLayoutStyles(ws: WaveSurfer): void {
  const root = ws.getWrapper().getRootNode();
  if (!(root instanceof ShadowRoot)) return;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(SHADOW_CSS);
  }
  root.adoptedStyleSheets = [sheet];
}

export interface Waveform {
  readonly ws: WaveSurfer;
  readonly regions: RegionsPlugin;
}

/**
 * Two lanes on one timeline from precomputed peaks, playing `media` (the session recording):
 * no fetching or decoding of the WAV, so a long call is drawn at once.
 */
export function createWaveform(container: HTMLElement, media: HTMLMediaElement, peaks: WaveformPeaks): Waveform {
  const regions = RegionsPlugin.create();
  const ws = WaveSurfer.create({
    container,
    media,
    // The media element already has this source; passing the same URL keeps wavesurfer from reloading it.
    url: media.currentSrc || media.src,
    // Per lane, the larger of |min| and |max| per 10 ms: wavesurfer draws each lane mirrored around its centre.
    peaks: peakEnvelopes(peaks),
    duration: peaks.durationFrames / peaks.sampleRate,
    height: LANE_HEIGHT,
    splitChannels: LANE_STYLE.map((style) => ({ ...style, normalize: true })),
    cursorColor: '#b42318',
    cursorWidth: 2,
    dragToSeek: false,
    autoScroll: true,
    autoCenter: true,
    hideScrollbar: false,
    plugins: [regions, TimelinePlugin.create({ height: 20 })],
  });
  adoptLayoutStyles(ws);
  return { ws, regions };
}
