import { describe, expect, it } from 'vitest';
import { isPermissionCheckGranted, isPermissionGranted } from '../../../electron/main/policies/permissions.js';

const APP = 'app://tryout';

describe('permission requests', () => {
  it('grants the microphone to the app origin', () => {
    expect(isPermissionGranted({ permission: 'media', requestingOrigin: APP, mediaTypes: ['audio'] })).toBe(true);
    expect(isPermissionGranted({ permission: 'media', requestingOrigin: 'app://tryout/', mediaTypes: ['audio'], isMainFrame: true })).toBe(true);
    expect(isPermissionGranted({ permission: 'media', requestingOrigin: 'app://tryout/index.html', mediaTypes: ['audio'] })).toBe(true);
  });

  it('refuses the camera, and microphone + camera', () => {
    expect(isPermissionGranted({ permission: 'media', requestingOrigin: APP, mediaTypes: ['video'] })).toBe(false);
    expect(isPermissionGranted({ permission: 'media', requestingOrigin: APP, mediaTypes: ['audio', 'video'] })).toBe(false);
    expect(isPermissionGranted({ permission: 'media', requestingOrigin: APP, mediaTypes: [] })).toBe(false);
    expect(isPermissionGranted({ permission: 'media', requestingOrigin: APP })).toBe(false);
  });

  it('refuses the microphone to any other origin and to subframes', () => {
    for (const origin of ['https://evil.example', 'http://127.0.0.1', 'http://127.0.0.1:5173', 'http://localhost', 'file://', 'app://evil', 'null', '', null, undefined]) {
      expect(isPermissionGranted({ permission: 'media', requestingOrigin: origin, mediaTypes: ['audio'] }), String(origin)).toBe(false);
    }
    expect(isPermissionGranted({ permission: 'media', requestingOrigin: APP, mediaTypes: ['audio'], isMainFrame: false })).toBe(false);
  });

  it('refuses every other permission, even for the app', () => {
    for (const permission of ['notifications', 'geolocation', 'display-capture', 'midi', 'midiSysex', 'clipboard-read', 'openExternal', 'fullscreen', 'pointerLock', 'hid', 'serial', 'usb', 'unknown']) {
      expect(isPermissionGranted({ permission, requestingOrigin: APP, mediaTypes: ['audio'] }), permission).toBe(false);
    }
  });
});

describe('permission checks', () => {
  it('answers yes only for audio media from the app', () => {
    expect(isPermissionCheckGranted({ permission: 'media', requestingOrigin: 'app://tryout/', mediaType: 'audio', securityOrigin: 'app://tryout/', isMainFrame: true })).toBe(true);
    expect(isPermissionCheckGranted({ permission: 'media', requestingOrigin: APP, mediaType: 'audio' })).toBe(true);
  });

  it('answers no for video, unknown media, other origins and other permissions', () => {
    expect(isPermissionCheckGranted({ permission: 'media', requestingOrigin: APP, mediaType: 'video' })).toBe(false);
    expect(isPermissionCheckGranted({ permission: 'media', requestingOrigin: APP, mediaType: 'unknown' })).toBe(false);
    expect(isPermissionCheckGranted({ permission: 'media', requestingOrigin: APP })).toBe(false);
    expect(isPermissionCheckGranted({ permission: 'media', requestingOrigin: 'https://evil.example/', mediaType: 'audio' })).toBe(false);
    expect(isPermissionCheckGranted({ permission: 'media', requestingOrigin: APP, mediaType: 'audio', securityOrigin: 'https://evil.example/' })).toBe(false);
    expect(isPermissionCheckGranted({ permission: 'notifications', requestingOrigin: APP })).toBe(false);
    expect(isPermissionCheckGranted({ permission: 'geolocation', requestingOrigin: APP })).toBe(false);
  });
});
