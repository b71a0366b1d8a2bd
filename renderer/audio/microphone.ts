/** Microphone access with the processing chosen in settings, and plain-language errors. */
export interface MicProcessing {
  readonly echoCancellation: boolean;
  readonly noiseSuppression: boolean;
  readonly autoGainControl: boolean;
}

export async function openMicrophone(deviceId: string | null, processing: MicProcessing): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) throw new Error('This window cannot use a microphone (no media devices available).');
  return navigator.mediaDevices.getUserMedia({
    audio: {
      ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
      channelCount: 1,
      echoCancellation: processing.echoCancellation,
      noiseSuppression: processing.noiseSuppression,
      autoGainControl: processing.autoGainControl,
    },
    video: false,
  });
}

export async function listMicrophones(): Promise<{ deviceId: string; label: string }[]> {
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices
    .filter((d) => d.kind === 'audioinput')
    .map((d, i) => ({ deviceId: d.deviceId, label: d.label || `Microphone ${i + 1}` }));
}

/** What to tell the trainee when the microphone cannot be opened. */
export function describeMicError(err: unknown): string {
  const name = err instanceof DOMException || err instanceof Error ? err.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'Tryout is not allowed to use the microphone. Allow microphone access for Tryout in your system or browser settings, then try again.';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'No microphone was found. Plug in a headset or microphone, then try again.';
    case 'NotReadableError':
      return 'The microphone is in use by another program or not working. Close other programs using it, then try again.';
    default:
      return `The microphone could not be opened${err instanceof Error && err.message ? `: ${err.message}` : '.'}`;
  }
}
