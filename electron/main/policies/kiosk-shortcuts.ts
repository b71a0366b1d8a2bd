/**
 * Which key presses the kiosk swallows (webContents 'before-input-event'). Pure: no Electron
 * import; `KeyInputLike` is the part of Electron's Input this reads. Everything a candidate
 * needs for a keyboard-only call stays free: Tab, Enter, Space, arrows, Escape, typing, and the
 * editing shortcuts (select all, copy, paste, cut, undo). What the OS itself handles
 * (Alt+Tab, Ctrl+Alt+Del, Cmd+Tab) never reaches the app: README "Kiosk mode" lists what the OS must lock.
 */

export interface KeyInputLike {
  /** KeyboardEvent.key: 'r', 'R', 'F5', '+', 'ArrowLeft', ... */
  readonly key: string;
  /** KeyboardEvent.code: 'KeyR', 'F5', 'Equal', 'NumpadAdd', ... (the physical key). */
  readonly code?: string | undefined;
  readonly control: boolean;
  readonly meta: boolean;
  readonly alt: boolean;
  readonly shift: boolean;
}

export type BlockedShortcut =
  | 'reload'
  | 'devtools'
  | 'close'
  | 'zoom'
  | 'fullscreen'
  | 'new-window'
  | 'print'
  | 'view-source'
  | 'save-or-open'
  | 'history'
  | 'menu';

/** The letter of a letter key, by character or by physical key (so Shift or a layout cannot dodge it). */
function letterOf(input: KeyInputLike): string | null {
  if (/^[a-zA-Z]$/.test(input.key)) return input.key.toLowerCase();
  const match = /^Key([A-Z])$/.exec(input.code ?? '');
  return match?.[1]?.toLowerCase() ?? null;
}

function isAnyOf(input: KeyInputLike, keys: readonly string[]): boolean {
  return keys.includes(input.key) || (input.code !== undefined && keys.includes(input.code));
}

const ZOOM_KEYS = ['+', '=', '-', '_', '0', ')', 'Equal', 'Minus', 'Digit0', 'NumpadAdd', 'NumpadSubtract', 'Numpad0'];
const HISTORY_KEYS = ['BrowserBack', 'BrowserForward', 'BrowserHome'];

/** Letter shortcuts with the platform's command key (Cmd on macOS, Ctrl elsewhere). */
function commandLetterBlock(letter: string, input: KeyInputLike, mac: boolean): BlockedShortcut | null {
  const devtoolsChord = input.shift || (mac && input.alt);
  if (devtoolsChord && (letter === 'i' || letter === 'j' || letter === 'c')) return 'devtools';
  switch (letter) {
    case 'r':
      return 'reload';
    case 'w':
      return 'close';
    case 'q':
    case 'h':
    case 'm':
      return mac ? 'close' : null; // quit, hide, minimise on macOS
    case 'n':
    case 't':
      return 'new-window';
    case 'p':
      return 'print';
    case 'u':
      return 'view-source';
    case 's':
    case 'o':
      return 'save-or-open';
    case 'f':
      return mac && input.control ? 'fullscreen' : null; // Cmd+Ctrl+F
    default:
      return null;
  }
}

/** Why the kiosk swallows this key press, or null to let it through. */
export function blockedShortcut(input: KeyInputLike, platform: string): BlockedShortcut | null {
  const mac = platform === 'darwin';
  const command = mac ? input.meta : input.control;

  if (isAnyOf(input, ['F5', 'BrowserRefresh'])) return 'reload';
  if (isAnyOf(input, ['F12'])) return 'devtools';
  if (isAnyOf(input, ['F11'])) return 'fullscreen';
  if (isAnyOf(input, ['F10'])) return 'menu';
  if (isAnyOf(input, ['F4']) && (input.alt || input.control)) return 'close';
  if (isAnyOf(input, HISTORY_KEYS)) return 'history';
  // Alt+Left/Right is back/forward on Windows and Linux; on macOS it moves by word while typing.
  if (!mac && input.alt && !command && isAnyOf(input, ['ArrowLeft', 'ArrowRight', 'Home'])) return 'history';
  if (mac && command && isAnyOf(input, ['[', ']', 'BracketLeft', 'BracketRight'])) return 'history';
  if (!command) return null;
  if (isAnyOf(input, ZOOM_KEYS)) return 'zoom';
  const letter = letterOf(input);
  return letter === null ? null : commandLetterBlock(letter, input, mac);
}
