// Text colour against a background, by WCAG 2 contrast: one rule for the popup's badges and the
// console banner. Tiny and free of imports: the content script uses it too.

function channel(hex: string, at: number): number {
  const c = parseInt(hex.slice(at, at + 2), 16) / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of `#rrggbb`. */
export function relativeLuminance(hex: string): number {
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

/** WCAG contrast ratio between two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Black or white text, whichever contrasts more with `background` (black for anything that is
 * not `#rrggbb`). The two contrasts are equal at luminance √(1.05 × 0.05) − 0.05 =
 * 0.179128784747792: above it black wins (a unit test checks this against contrastRatio).
 * Written out in full: 0.1791 picked the lesser contrast for luminances just below the exact
 * value. For any colour the better of the two has a contrast of at least 4.58:1.
 */
export function textColourFor(background: string): '#000000' | '#ffffff' {
  if (!/^#[0-9a-f]{6}$/i.test(background)) return '#000000';
  return relativeLuminance(background) > 0.179128784747792 ? '#000000' : '#ffffff';
}
