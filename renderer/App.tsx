import { useEffect } from 'react';
import { CallScreen } from './features/call/CallScreen.js';
import { CoachScreen } from './features/coach/CoachScreen.js';
import { HomeScreen } from './features/home/HomeScreen.js';
import { MicCheckScreen } from './features/mic-check/MicCheckScreen.js';
import { LibraryScreen } from './features/library/LibraryScreen.js';
import { ReviewScreen } from './features/review/ReviewScreen.js';
import { ProgressScreen } from './features/practice/ProgressScreen.js';
import { SpeechStatusScreen } from './features/speech-status/SpeechStatusScreen.js';
import { useReviewRoute } from './features/review/use-review-route.js';
import { ResultsBoardScreen } from './features/results-board/ResultsBoardScreen.js';
import { useOpenAtItem } from './features/results-board/use-open-at-item.js';
import { useAppBoot } from './features/home/use-app-boot.js';
import { useScenarioReload } from './features/home/use-scenario-reload.js';
import { KioskApp } from './features/kiosk/KioskApp.js';
import { CoachModeBar } from './features/kiosk/CoachModeBar.js';
import { useStore } from './store/index.js';
import { kioskLocked } from './store/kiosk-slice.js';

export function App() {
  const screen = useStore((s) => s.screen);
  const setScreen = useStore((s) => s.setScreen);
  const appError = useStore((s) => s.appError);
  const ready = useAppBoot();
  const locked = useStore((s) => kioskLocked(s.tryoutDay));
  const callPhase = useStore((s) => s.call.phase);
  // Navigation is locked while a call is live (nothing to break mid-call), free once it has ended.
  const inCall = screen === 'call' && callPhase !== 'ended' && callPhase !== 'failed';
  // Scenario files edited on disk show up (with their problems) without a restart.
  useScenarioReload(ready && !locked && (screen === 'home' || screen === 'coach'));
  useReviewRoute(ready && !locked);
  // A results board cell opens the review at its first failing item.
  useOpenAtItem();

  useEffect(() => {
    document.body.dataset.appState = ready ? 'ready' : 'loading';
  }, [ready]);

  // A tryout day with coach mode locked: the candidate screens, and nothing else.
  if (ready && locked) return <KioskApp />;

  return (
    <div className="app">
      <header className="app-header">
        <h1 className="brand">Tryout</h1>
        <nav aria-label="Main">
          <button type="button" className={screen === 'home' ? 'nav current' : 'nav'} disabled={inCall} onClick={() => setScreen('home')}>
            Scenarios
          </button>
          <button type="button" className={screen === 'sessions' || screen === 'review' ? 'nav current' : 'nav'} disabled={inCall} onClick={() => setScreen('sessions')} data-testid="nav-sessions">
            Sessions
          </button>
          <button type="button" className={screen === 'progress' ? 'nav current' : 'nav'} disabled={inCall} onClick={() => setScreen('progress')} data-testid="nav-progress">
            Progress
          </button>
          <button type="button" className={screen === 'coach' ? 'nav current' : 'nav'} disabled={inCall} onClick={() => setScreen('coach')} data-testid="nav-coach">
            Coach
          </button>
          <button type="button" className={screen === 'results-board' ? 'nav current' : 'nav'} disabled={inCall} onClick={() => setScreen('results-board')} data-testid="nav-results-board">
            Results board
          </button>
          <button type="button" className={screen === 'speech' ? 'nav current' : 'nav'} disabled={inCall} onClick={() => setScreen('speech')} data-testid="nav-speech">
            Speech engines
          </button>
        </nav>
      </header>
      <CoachModeBar />
      {appError && (
        <p role="alert" className="banner error">
          {appError}
        </p>
      )}
      <main>
        {!ready && <p className="muted">Loading…</p>}
        {ready && screen === 'home' && <HomeScreen />}
        {ready && screen === 'mic-check' && <MicCheckScreen />}
        {ready && screen === 'call' && <CallScreen />}
        {ready && screen === 'sessions' && <LibraryScreen />}
        {ready && screen === 'review' && <ReviewScreen />}
        {ready && screen === 'coach' && <CoachScreen />}
        {ready && screen === 'progress' && <ProgressScreen />}
        {ready && screen === 'results-board' && <ResultsBoardScreen />}
        {ready && screen === 'speech' && <SpeechStatusScreen />}
      </main>
    </div>
  );
}
