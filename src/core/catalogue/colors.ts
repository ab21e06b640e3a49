// Colours: what users write in `color =` (AESR's `ffaaee`, `#ff0000`, `#f00`, CSS names such
// as `blue`), the colour of each environment, and the console's own palette that the
// switch-role GET link honours (docs/aws-facts.md §1.1).
import type { Environment } from '../types';

/** Environment colours (`#rrggbb`), chosen to be told apart at a glance. Production is red. */
export const ENV_COLORS: Readonly<Record<Environment, string>> = Object.freeze({
  development: '#1d8102',
  test: '#0073bb',
  staging: '#ec7211',
  production: '#d13212',
  sandbox: '#8c4fff',
  other: '#687078',
});

export const PRODUCTION_COLOR = ENV_COLORS.production;

/** The console's switch-role palette (seen 2024). Only these survive the GET link's pre-fill. */
export const CONSOLE_PALETTE = Object.freeze({
  red: 'f2b0a9',
  orange: 'fbc8aa',
  yellow: 'efda95',
  green: 'b7ca9d',
  blue: '83d4e8',
} as const);
export type PaletteName = keyof typeof CONSOLE_PALETTE;

// CSS Color Module Level 4 named colours (the 148 keywords), packed as name:rrggbb pairs.
const CSS_NAMED =
  'aliceblue:f0f8ff antiquewhite:faebd7 aqua:00ffff aquamarine:7fffd4 azure:f0ffff beige:f5f5dc bisque:ffe4c4 ' +
  'black:000000 blanchedalmond:ffebcd blue:0000ff blueviolet:8a2be2 brown:a52a2a burlywood:deb887 cadetblue:5f9ea0 ' +
  'chartreuse:7fff00 chocolate:d2691e coral:ff7f50 cornflowerblue:6495ed cornsilk:fff8dc crimson:dc143c cyan:00ffff ' +
  'darkblue:00008b darkcyan:008b8b darkgoldenrod:b8860b darkgray:a9a9a9 darkgreen:006400 darkgrey:a9a9a9 ' +
  'darkkhaki:bdb76b darkmagenta:8b008b darkolivegreen:556b2f darkorange:ff8c00 darkorchid:9932cc darkred:8b0000 ' +
  'darksalmon:e9967a darkseagreen:8fbc8f darkslateblue:483d8b darkslategray:2f4f4f darkslategrey:2f4f4f ' +
  'darkturquoise:00ced1 darkviolet:9400d3 deeppink:ff1493 deepskyblue:00bfff dimgray:696969 dimgrey:696969 ' +
  'dodgerblue:1e90ff firebrick:b22222 floralwhite:fffaf0 forestgreen:228b22 fuchsia:ff00ff gainsboro:dcdcdc ' +
  'ghostwhite:f8f8ff gold:ffd700 goldenrod:daa520 gray:808080 green:008000 greenyellow:adff2f grey:808080 ' +
  'honeydew:f0fff0 hotpink:ff69b4 indianred:cd5c5c indigo:4b0082 ivory:fffff0 khaki:f0e68c lavender:e6e6fa ' +
  'lavenderblush:fff0f5 lawngreen:7cfc00 lemonchiffon:fffacd lightblue:add8e6 lightcoral:f08080 lightcyan:e0ffff ' +
  'lightgoldenrodyellow:fafad2 lightgray:d3d3d3 lightgreen:90ee90 lightgrey:d3d3d3 lightpink:ffb6c1 ' +
  'lightsalmon:ffa07a lightseagreen:20b2aa lightskyblue:87cefa lightslategray:778899 lightslategrey:778899 ' +
  'lightsteelblue:b0c4de lightyellow:ffffe0 lime:00ff00 limegreen:32cd32 linen:faf0e6 magenta:ff00ff maroon:800000 ' +
  'mediumaquamarine:66cdaa mediumblue:0000cd mediumorchid:ba55d3 mediumpurple:9370db mediumseagreen:3cb371 ' +
  'mediumslateblue:7b68ee mediumspringgreen:00fa9a mediumturquoise:48d1cc mediumvioletred:c71585 ' +
  'midnightblue:191970 mintcream:f5fffa mistyrose:ffe4e1 moccasin:ffe4b5 navajowhite:ffdead navy:000080 ' +
  'oldlace:fdf5e6 olive:808000 olivedrab:6b8e23 orange:ffa500 orangered:ff4500 orchid:da70d6 palegoldenrod:eee8aa ' +
  'palegreen:98fb98 paleturquoise:afeeee palevioletred:db7093 papayawhip:ffefd5 peachpuff:ffdab9 peru:cd853f ' +
  'pink:ffc0cb plum:dda0dd powderblue:b0e0e6 purple:800080 rebeccapurple:663399 red:ff0000 rosybrown:bc8f8f ' +
  'royalblue:4169e1 saddlebrown:8b4513 salmon:fa8072 sandybrown:f4a460 seagreen:2e8b57 seashell:fff5ee ' +
  'sienna:a0522d silver:c0c0c0 skyblue:87ceeb slateblue:6a5acd slategray:708090 slategrey:708090 snow:fffafa ' +
  'springgreen:00ff7f steelblue:4682b4 tan:d2b48c teal:008080 thistle:d8bfd8 tomato:ff6347 turquoise:40e0d0 ' +
  'violet:ee82ee wheat:f5deb3 white:ffffff whitesmoke:f5f5f5 yellow:ffff00 yellowgreen:9acd32';

let namedColors: Map<string, string> | undefined;
function cssNamedColors(): Map<string, string> {
  if (!namedColors) {
    namedColors = new Map();
    for (const pair of CSS_NAMED.split(' ')) {
      const [name, hex] = pair.split(':') as [string, string];
      namedColors.set(name, `#${hex}`);
    }
  }
  return namedColors;
}

/**
 * A user's colour as `#rrggbb`, or undefined when it is not one: `ff0000`, `#FF0000`, `#f00`,
 * `f00`, or a CSS colour name (`blue`, `RebeccaPurple`). Surrounding spaces and quotes are ignored.
 */
export function parseColor(value: string): string | undefined {
  // The common case (AESR's `color = ffaaee`) with no trimming, copies or regular expression:
  // a config may give every profile a colour of its own, so this runs once per profile.
  if (value.length === 6 && isLowerHex(value)) return `#${value}`;
  let v = value.trim();
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0]) v = v.slice(1, -1).trim();
  v = v.toLowerCase();
  const hex = v.startsWith('#') ? v.slice(1) : v;
  if (/^[0-9a-f]{6}$/.test(hex)) return `#${hex}`;
  if (/^[0-9a-f]{3}$/.test(hex)) return `#${hex[0]}${hex[0]}${hex[1]}${hex[1]}${hex[2]}${hex[2]}`;
  return cssNamedColors().get(v);
}

/** 0-15 for a lower-case hex digit's code, else -1. */
function lowerHexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  return c >= 0x61 && c <= 0x66 ? c - 0x57 : -1;
}

function isLowerHex(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (lowerHexDigit(value.charCodeAt(i)) < 0) return false;
  return true;
}

/** parseInt(hex.slice(at, at + 2), 16), without the copy for two lower-case hex digits (every colour an import makes). */
function channel(hex: string, at: number): number {
  const high = lowerHexDigit(hex.charCodeAt(at));
  const low = lowerHexDigit(hex.charCodeAt(at + 1));
  return high >= 0 && low >= 0 ? high * 16 + low : parseInt(hex.slice(at, at + 2), 16);
}

/** Hue in degrees [0, 360) and saturation [0, 1] (HSL). */
function hueSaturation(hex: string): { hue: number; saturation: number; lightness: number } {
  const at = hex.startsWith('#') ? 1 : 0;
  const r = channel(hex, at) / 255;
  const g = channel(hex, at + 2) / 255;
  const b = channel(hex, at + 4) / 255;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const lightness = (max + min) / 2;
  const d = max - min;
  if (d === 0) return { hue: 0, saturation: 0, lightness };
  const saturation = d / (1 - Math.abs(2 * lightness - 1));
  let hue: number;
  if (max === r) hue = ((g - b) / d) % 6;
  else if (max === g) hue = (b - r) / d + 2;
  else hue = (r - g) / d + 4;
  hue *= 60;
  if (hue < 0) hue += 360;
  return { hue, saturation, lightness };
}

/**
 * `#rrggbb` is a red a person would call red (`ff0000`, `crimson`, `darkred`, our production
 * red), not a pink, a brown or an orange.
 */
export function isRed(hex: string): boolean {
  const { hue, saturation, lightness } = hueSaturation(hex);
  return (hue <= 15 || hue >= 345) && saturation >= 0.5 && lightness >= 0.2 && lightness <= 0.7;
}

let paletteHues: { name: PaletteName; hue: number }[] | undefined;

/**
 * The console palette colour nearest to `#rrggbb`, by hue: the palette is all pastel, so
 * lightness and saturation say nothing about which one a user meant (`#d13212` and `ffaaee`
 * both become red). Greys, black and white have no hue: undefined, and the link carries no colour.
 * `exceptRed` leaves red out of the choice (see linkColor).
 */
export function nearestPaletteColor(hex: string, exceptRed = false): PaletteName | undefined {
  const { hue, saturation, lightness } = hueSaturation(hex);
  if (saturation < 0.12 || lightness < 0.06 || lightness > 0.97) return undefined;
  paletteHues ??= (Object.keys(CONSOLE_PALETTE) as PaletteName[]).map((name) => ({ name, hue: hueSaturation(CONSOLE_PALETTE[name]).hue }));
  let best: PaletteName | undefined;
  let bestDistance = Infinity;
  for (const p of paletteHues) {
    if (exceptRed && p.name === 'red') continue;
    const raw = Math.abs(p.hue - hue);
    const distance = Math.min(raw, 360 - raw);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = p.name;
    }
  }
  return best;
}

/**
 * The 6-hex (no `#`) palette colour for a switch-role link, or undefined for achromatic colours.
 * Red is kept for production: the console's header and role history show the role in this
 * colour, not its environment, so a development role whose colour is pink (`ffaaee`, nearest
 * to the palette's red) gets its next-nearest colour there instead of looking like production.
 */
export function linkColor(hex: string, production: boolean): string | undefined {
  const name = nearestPaletteColor(hex, !production);
  return name ? CONSOLE_PALETTE[name] : undefined;
}
