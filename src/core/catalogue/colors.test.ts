import { CONSOLE_PALETTE, ENV_COLORS, PRODUCTION_COLOR, isRed, linkColor, nearestPaletteColor, parseColor } from './colors';

describe('parseColor', () => {
  it.each([
    ['ff0000', '#ff0000'],
    ['#FF0000', '#ff0000'],
    ['  00aa00 ', '#00aa00'],
    ['#f00', '#ff0000'],
    ['0a8', '#00aa88'],
    ['"ffaaee"', '#ffaaee'],
    ['blue', '#0000ff'],
    ['Pink', '#ffc0cb'],
    ['green', '#008000'],
    ['red', '#ff0000'],
    ['RebeccaPurple', '#663399'],
    ['lightgoldenrodyellow', '#fafad2'],
  ])('%s → %s', (input, expected) => {
    expect(parseColor(input)).toBe(expected);
  });

  it.each(['', 'ff00', '#ff00000', 'gg0000', 'reddish', 'rgb(1,2,3)', '#', 'ff0000 ; note'])('rejects %p', (input) => {
    expect(parseColor(input)).toBeUndefined();
  });
});

describe('nearestPaletteColor', () => {
  it('maps each environment colour to a distinct-enough palette colour, production to red', () => {
    expect(nearestPaletteColor(PRODUCTION_COLOR)).toBe('red');
    expect(nearestPaletteColor(ENV_COLORS.development)).toBe('green');
    expect(nearestPaletteColor(ENV_COLORS.test)).toBe('blue');
    expect(nearestPaletteColor(ENV_COLORS.staging)).toBe('orange');
  });

  it.each([
    ['#ff0000', 'red'],
    ['#ffaaee', 'red'], // pink is nearest to the palette's pinkish red
    ['#00ff00', 'green'],
    ['#00aa00', 'green'],
    ['#0000ff', 'blue'],
    ['#00ffff', 'blue'],
    ['#ffff00', 'yellow'],
    ['#ffd700', 'yellow'],
    ['#ff8c00', 'orange'],
    ['#f2b0a9', 'red'],
    ['#83d4e8', 'blue'],
  ])('%s → %s', (hex, name) => {
    expect(nearestPaletteColor(hex)).toBe(name);
  });

  it('gives no colour for greys, black and white (the link then carries none)', () => {
    for (const hex of ['#808080', '#000000', '#ffffff', ENV_COLORS.other]) expect(nearestPaletteColor(hex)).toBeUndefined();
  });

  it('linkColor returns the palette hex without #', () => {
    expect(linkColor('#d13212', true)).toBe(CONSOLE_PALETTE.red);
    expect(linkColor('#00aa00', false)).toBe(CONSOLE_PALETTE.green);
    expect(linkColor('#777777', false)).toBeUndefined();
    for (const hex of Object.values(CONSOLE_PALETTE)) expect(hex).toMatch(/^[0-9a-f]{6}$/);
  });

  it('keeps red for production: a red or pink non-production colour gets the next-nearest palette colour', () => {
    // ffaaee (AWS Extend Switch Roles' example pink) and ff0000 are nearest to red.
    expect(nearestPaletteColor('#ffaaee')).toBe('red');
    for (const hex of ['#ffaaee', '#ff0000', '#d13212', '#ffc0cb']) {
      const color = linkColor(hex, false);
      expect(color).toBeDefined();
      expect(color).not.toBe(CONSOLE_PALETTE.red);
      expect(linkColor(hex, true)).toBe(CONSOLE_PALETTE.red);
    }
    // Pure red sits between orange (≈22°) and, on the other side of the circle, blue.
    expect(linkColor('#ff0000', false)).toBe(CONSOLE_PALETTE.orange);
  });
});

describe('isRed', () => {
  it('is true for reds a person would call red, false for pinks, oranges, siennas and greys', () => {
    for (const hex of ['#ff0000', '#d13212', '#dc143c', '#8b0000', '#b22222']) expect([hex, isRed(hex)]).toEqual([hex, true]);
    for (const hex of ['#ffc0cb', '#ffaaee', '#ffa500', '#a0522d', '#808080', '#f2b0a9']) expect([hex, isRed(hex)]).toEqual([hex, false]);
  });
});
