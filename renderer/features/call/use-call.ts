import { useEffect, useRef, useState } from 'react';
import { withClipVersions } from '../../api/clip-versions.js';
import { client } from '../../client.js';
import { useStore } from '../../store/index.js';
import { CallController } from './call-controller.js';
import { kioskCall } from './kiosk-call.js';

/** Starts one call for the selected scenario when the call screen mounts; ends it on unmount. */
export function useCall() {
  const call = useStore((s) => s.call);
  const scenario = useStore((s) => s.catalog?.scenarios.find((x) => x.id === s.selectedScenarioId) ?? null);
  const controller = useRef<CallController | null>(null);
  const typing = useRef({ keystrokes: 0, firstKeyFrame: null as number | null });
  const [draft, setDraft] = useState('');
  const preview = useStore((s) => s.previewFromStepId !== null);
  // Bumped by "Try again": the same scenario, a fresh call and session.
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const s = useStore.getState();
    if (!scenario || controller.current) return;
    s.resetCall();
    const settings = s.settings;
    const mic = s.useMicrophone && settings
      ? { kind: 'device' as const, deviceId: settings.micDeviceId, processing: settings }
      : { kind: 'none' as const };
    // A coach's preview from a chosen step is saved like any call, under its own name.
    const fromStepId = s.previewFromStepId;
    // A tryout candidate's call carries their check-in and consent; their name is not remembered.
    const tryout = kioskCall(s);
    const candidate = tryout ? tryout.candidate : { name: fromStepId ? 'Coach preview' : s.candidateName.trim() };
    if (!fromStepId && !tryout) void client.updateSettings({ patch: { lastCandidateName: candidate.name } }).catch(() => undefined);
    const c = new CallController({
      client: withClipVersions(client, scenario.id, s.catalog?.origins[scenario.id]),
      scenario,
      checklists: s.catalog?.checklists ?? [],
      vocabulary: s.catalog?.vocabulary ?? null,
      ...(fromStepId ? { fromStepId } : {}),
      candidate,
      ...(tryout ? { tryout: { tryoutId: tryout.tryoutId, consent: tryout.consent } } : {}),
      mic,
      patch: (p) => useStore.getState().patchCall(p),
      view: () => useStore.getState().call,
    });
    controller.current = c;
    void c.start();
  }, [scenario, attempt]);

  // A new type step starts with an empty box and fresh counters.
  useEffect(() => {
    setDraft('');
    typing.current = { keystrokes: 0, firstKeyFrame: null };
  }, [call.stepId]);

  const stepId = call.stepId;
  return {
    call,
    scenario,
    draft,
    onDraft(text: string) {
      setDraft(text);
      const t = typing.current;
      t.keystrokes++;
      t.firstKeyFrame ??= controller.current?.nowFrame() ?? null;
      if (stepId) controller.current?.draftChanged(stepId, text);
    },
    submit() {
      if (stepId) controller.current?.submitTyped(stepId, draft, typing.current.keystrokes, typing.current.firstKeyFrame);
    },
    done: () => controller.current?.done(),
    resume: () => controller.current?.resume(),
    hangUp: () => controller.current?.hangUp(),
    /** True for a coach's preview (started from the coach screen). */
    preview,
    /** Takes the same call again from the start (a new session; the finished one stays saved). */
    retry() {
      controller.current = null;
      setAttempt((n) => n + 1);
    },
    leave(screen: 'home' | 'sessions' | 'progress') {
      controller.current = null;
      void client.listSessions({}).then((list) => useStore.getState().setSessions(list));
      const s = useStore.getState();
      // "Back" from a preview returns to the coach screen it came from.
      const back = s.previewFromStepId !== null && screen === 'home' ? 'coach' : screen;
      s.setPreviewFrom(null);
      s.setScreen(back);
    },
  };
}
