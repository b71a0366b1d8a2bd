import type { Page } from 'playwright-core';

/** Parses a computed CSS colour (`rgb(r, g, b)` or `rgba(r, g, b, a)`, as getComputedStyle gives). */
export function parseRgb(css: string): [number, number, number] {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(css.trim());
  if (!m) throw new Error(`not an rgb() colour: ${css}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** WCAG relative luminance of an sRGB colour. */
function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The WCAG contrast ratio of two computed CSS colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(parseRgb(a)), luminance(parseRgb(b))].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export interface FocusedLook {
  readonly outlineStyle: string;
  readonly outlineColor: string;
  readonly borderColor: string;
  /** The element's own background. */
  readonly fill: string;
  /** The page's background, where an offset outline is drawn. */
  readonly page: string;
}

/**
 * How the element that has focus is drawn: axe checks text contrast only, so a focus ring or a
 * field's edge (WCAG 1.4.11 non-text contrast, 3:1) is measured here from computed styles.
 */
export function focusedLook(page: Page): Promise<FocusedLook> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) throw new Error('nothing has focus');
    const s = getComputedStyle(el);
    return {
      outlineStyle: s.outlineStyle,
      outlineColor: s.outlineColor,
      borderColor: s.borderTopColor,
      fill: s.backgroundColor,
      page: getComputedStyle(document.documentElement).backgroundColor,
    };
  });
}
