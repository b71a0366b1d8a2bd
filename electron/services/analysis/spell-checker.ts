import nspell from 'nspell';

/**
 * A spelling check with Hunspell dictionaries (nspell; dictionary-en and dictionary-en-gb ship
 * their word lists inside the package, so it works offline). A word is accepted when either
 * the US or the British dictionary knows it. Loaded once, on first use (about half a second).
 */
let checker: Promise<(word: string) => boolean> | null = null;

async function load(): Promise<(word: string) => boolean> {
  const [us, gb] = await Promise.all([import('dictionary-en'), import('dictionary-en-gb')]);
  const spellers = [nspell(Buffer.from(us.default.aff), Buffer.from(us.default.dic)), nspell(Buffer.from(gb.default.aff), Buffer.from(gb.default.dic))];
  return (word: string) => spellers.some((s) => s.correct(word));
}

export function spellChecker(): Promise<(word: string) => boolean> {
  checker ??= load();
  return checker;
}
