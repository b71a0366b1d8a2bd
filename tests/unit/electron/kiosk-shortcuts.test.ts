import { describe, expect, it } from 'vitest';
import { blockedShortcut, type KeyInputLike } from '../../../electron/main/policies/kiosk-shortcuts.js';

/** A key press: 'Ctrl+Shift+I', 'Cmd+Q', 'Alt+F4', 'F5', 'Tab' (code derived for letters and digits). */
function press(combo: string): KeyInputLike {
  const parts = combo.split('+');
  const key = parts.at(-1) === '' ? '+' : (parts.at(-1) ?? '');
  const mods = new Set(parts.slice(0, -1));
  const code = /^[a-zA-Z]$/.test(key) ? `Key${key.toUpperCase()}` : /^\d$/.test(key) ? `Digit${key}` : key;
  return { key, code, control: mods.has('Ctrl'), meta: mods.has('Cmd'), alt: mods.has('Alt'), shift: mods.has('Shift') };
}

const WINDOWS_BLOCKED: Record<string, string> = {
  'Ctrl+r': 'reload',
  'Ctrl+Shift+R': 'reload',
  F5: 'reload',
  'Ctrl+F5': 'reload',
  'Shift+F5': 'reload',
  F12: 'devtools',
  'Ctrl+Shift+I': 'devtools',
  'Ctrl+Shift+J': 'devtools',
  'Ctrl+Shift+C': 'devtools',
  'Ctrl+w': 'close',
  'Ctrl+Shift+W': 'close',
  'Alt+F4': 'close',
  'Ctrl+F4': 'close',
  'Ctrl+=': 'zoom',
  'Ctrl+Shift++': 'zoom',
  'Ctrl+-': 'zoom',
  'Ctrl+0': 'zoom',
  F11: 'fullscreen',
  'Ctrl+n': 'new-window',
  'Ctrl+Shift+N': 'new-window',
  'Ctrl+t': 'new-window',
  'Ctrl+p': 'print',
  'Ctrl+u': 'view-source',
  'Ctrl+s': 'save-or-open',
  'Ctrl+o': 'save-or-open',
  'Alt+ArrowLeft': 'history',
  'Alt+ArrowRight': 'history',
  BrowserBack: 'history',
  F10: 'menu',
};

const MAC_BLOCKED: Record<string, string> = {
  'Cmd+r': 'reload',
  'Cmd+Alt+i': 'devtools',
  'Cmd+Alt+j': 'devtools',
  'Cmd+Alt+c': 'devtools',
  'Cmd+Shift+C': 'devtools',
  'Cmd+q': 'close',
  'Cmd+w': 'close',
  'Cmd+h': 'close',
  'Cmd+m': 'close',
  'Cmd+Ctrl+f': 'fullscreen',
  'Cmd+=': 'zoom',
  'Cmd+0': 'zoom',
  'Cmd+n': 'new-window',
  'Cmd+p': 'print',
  'Cmd+[': 'history',
  'Cmd+]': 'history',
  F12: 'devtools',
};

/** What a candidate needs for a keyboard-only call, and for typing an answer. */
const FREE = ['Tab', 'Shift+Tab', 'Enter', ' ', 'Escape', 'ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'Backspace', 'Delete', 'a', 'R', 'Shift+W', '0', '+', '-', 'F1', 'Alt'];
const FREE_EDITING_WINDOWS = ['Ctrl+a', 'Ctrl+c', 'Ctrl+v', 'Ctrl+x', 'Ctrl+z', 'Ctrl+y', 'Ctrl+ArrowLeft', 'Ctrl+Backspace'];
const FREE_EDITING_MAC = ['Cmd+a', 'Cmd+c', 'Cmd+v', 'Cmd+x', 'Cmd+z', 'Cmd+Shift+Z', 'Cmd+ArrowLeft', 'Alt+ArrowLeft'];

describe('kiosk shortcuts', () => {
  it('blocks reload, devtools, close, zoom, fullscreen, new windows, print, view-source and history on Windows and Linux', () => {
    for (const platform of ['win32', 'linux']) {
      for (const [combo, reason] of Object.entries(WINDOWS_BLOCKED)) expect(blockedShortcut(press(combo), platform), `${platform} ${combo}`).toBe(reason);
    }
  });

  it('blocks the macOS equivalents with Cmd', () => {
    for (const [combo, reason] of Object.entries(MAC_BLOCKED)) expect(blockedShortcut(press(combo), 'darwin'), combo).toBe(reason);
  });

  it('blocks by physical key too, so another keyboard layout cannot dodge a letter shortcut', () => {
    expect(blockedShortcut({ key: 'к', code: 'KeyR', control: true, meta: false, alt: false, shift: false }, 'linux')).toBe('reload');
    expect(blockedShortcut({ key: 'Dead', code: 'Equal', control: true, meta: false, alt: false, shift: false }, 'win32')).toBe('zoom');
    expect(blockedShortcut({ key: '+', code: 'NumpadAdd', control: true, meta: false, alt: false, shift: false }, 'win32')).toBe('zoom');
  });

  it('lets through every key of the keyboard-only candidate flow and the editing shortcuts', () => {
    for (const platform of ['win32', 'linux', 'darwin']) {
      for (const combo of FREE) expect(blockedShortcut(press(combo), platform), `${platform} ${combo}`).toBeNull();
    }
    for (const combo of FREE_EDITING_WINDOWS) expect(blockedShortcut(press(combo), 'win32'), combo).toBeNull();
    for (const combo of FREE_EDITING_MAC) expect(blockedShortcut(press(combo), 'darwin'), combo).toBeNull();
  });

  it('does not treat Ctrl as the command key on macOS, nor Cmd (the Windows key) elsewhere', () => {
    expect(blockedShortcut(press('Ctrl+r'), 'darwin')).toBeNull();
    expect(blockedShortcut(press('Cmd+r'), 'win32')).toBeNull();
  });
});
