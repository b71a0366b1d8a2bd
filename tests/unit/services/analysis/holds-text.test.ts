import { describe, expect, it } from 'vitest';
import { holdsText } from '../../../../electron/services/tryout/retention.js';

describe('binary-safe name search', () => {
  it('finds a name in any ASCII case inside binary data', () => {
    const bytes = Buffer.concat([Buffer.from([0, 255, 7]), Buffer.from('..."name":"ADA lovelace"...'), Buffer.from([0, 1])]);
    expect(holdsText(bytes, 'Ada Lovelace')).toBe(true);
    expect(holdsText(bytes, 'Grace Hopper')).toBe(false);
    expect(holdsText(bytes, '')).toBe(false);
  });

  it('finds non-ASCII names as given', () => {
    expect(holdsText(Buffer.from('{"name":"Zoë Ørsted"}'), 'Zoë Ørsted')).toBe(true);
    expect(holdsText(Buffer.from('{"name":"zoë ørsted"}'), 'Zoë Ørsted')).toBe(true);
  });

  it('with wholeWord, ignores hits inside longer words', () => {
    const bytes = Buffer.from('metadata about Canada; Al said hi');
    expect(holdsText(bytes, 'ada', { wholeWord: true })).toBe(false);
    expect(holdsText(bytes, 'ada')).toBe(true);
    expect(holdsText(bytes, 'al', { wholeWord: true })).toBe(true);
    expect(holdsText(Buffer.from('"Alba"'), 'al', { wholeWord: true })).toBe(false);
  });
});
