import { useCallback, useEffect, useRef, useState } from 'react';
import { describeMicError, listMicrophones, openMicrophone } from '../../audio/microphone.js';
import { virtualMicRequested } from '../../audio/virtual-mic.js';
import { client } from '../../client.js';
import { useStore } from '../../store/index.js';

export type MicStatus = 'opening' | 'ready' | 'error' | 'virtual';

/** Opens the chosen microphone for a preview level, lists devices, explains failures. */
export function useMicCheck() {
  const settings = useStore((s) => s.settings);
  const setSettings = useStore((s) => s.setSettings);
  const [status, setStatus] = useState<MicStatus>(virtualMicRequested() ? 'virtual' : 'opening');
  const [error, setError] = useState<string | null>(null);
  const [devices, setDevices] = useState<{ deviceId: string; label: string }[]>([]);
  const [db, setDb] = useState(-100);
  const [attempt, setAttempt] = useState(0);
  const deviceId = settings?.micDeviceId ?? null;
  const stop = useRef<() => void>(() => undefined);

  useEffect(() => {
    if (virtualMicRequested() || !settings) return;
    let cancelled = false;
    let raf = 0;
    setStatus('opening');
    setError(null);
    openMicrophone(deviceId, settings)
      .then(async (stream) => {
        if (cancelled) return stream.getTracks().forEach((t) => t.stop());
        const ctx = new AudioContext();
        const analyser = ctx.createAnalyser();
        analyser.fftSize = 1024;
        ctx.createMediaStreamSource(stream).connect(analyser);
        const data = new Float32Array(analyser.fftSize);
        const loop = () => {
          analyser.getFloatTimeDomainData(data);
          let sum = 0;
          for (const x of data) sum += x * x;
          setDb(20 * Math.log10(Math.sqrt(sum / data.length) || 1e-6));
          raf = requestAnimationFrame(loop);
        };
        loop();
        stop.current = () => {
          cancelAnimationFrame(raf);
          stream.getTracks().forEach((t) => t.stop());
          void ctx.close();
        };
        setDevices(await listMicrophones());
        setStatus('ready');
      })
      .catch((err: unknown) => {
        if (cancelled) return;
        setError(describeMicError(err));
        setStatus('error');
      });
    return () => {
      cancelled = true;
      stop.current();
      stop.current = () => undefined;
    };
  }, [deviceId, settings, attempt]);

  const chooseDevice = useCallback(
    (id: string) => {
      const micDeviceId = id || null;
      // A candidate on a tryout kiosk may not change the laptop's settings (the back end refuses):
      // the choice then holds for this window only.
      void client.updateSettings({ patch: { micDeviceId } }).then(setSettings, () => {
        const current = useStore.getState().settings;
        if (current) setSettings({ ...current, micDeviceId });
      });
    },
    [setSettings],
  );

  return { status, error, devices, deviceId, db, chooseDevice, retry: () => setAttempt((a) => a + 1), release: () => stop.current() };
}
