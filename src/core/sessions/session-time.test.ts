import { countdownPhase, isSessionMinutes, seenText, timeLeftText, WARNING_MS } from './session-time';

const MIN = 60_000;
const T0 = Date.UTC(2026, 0, 1, 9, 0, 0);

describe('time left', () => {
  test('rounds up to whole minutes, hours past sixty', () => {
    expect(timeLeftText(T0 + 60 * MIN, T0)).toBe('1 h left');
    expect(timeLeftText(T0 + 41 * MIN, T0)).toBe('41 min left');
    expect(timeLeftText(T0 + 40 * MIN + 10_000, T0)).toBe('41 min left');
    expect(timeLeftText(T0 + 125 * MIN, T0)).toBe('2 h 5 min left');
    expect(timeLeftText(T0 + 59_000, T0)).toBe('less than a minute left');
  });

  test('says the session expired at its end and after it, never a negative time', () => {
    expect(timeLeftText(T0, T0)).toBe('Session expired');
    expect(timeLeftText(T0, T0 + 90 * MIN)).toBe('Session expired');
  });

  test('turns to a warning in the last five minutes', () => {
    expect(countdownPhase(T0 + WARNING_MS + 1, T0)).toBe('running');
    expect(countdownPhase(T0 + WARNING_MS, T0)).toBe('warning');
    expect(countdownPhase(T0 + 1, T0)).toBe('warning');
    expect(countdownPhase(T0, T0)).toBe('expired');
  });
});

test('how long ago a session was first seen rounds down', () => {
  expect(seenText(T0, T0 + 30_000)).toBe('first seen just now');
  expect(seenText(T0, T0 + 12 * MIN + 59_000)).toBe('first seen 12 min ago');
  expect(seenText(T0, T0 + 61 * MIN)).toBe('first seen 1 h 1 min ago');
});

test('a lifetime is a whole number of minutes from 15 to 720', () => {
  expect([15, 60, 720].map(isSessionMinutes)).toEqual([true, true, true]);
  expect([14, 721, 60.5, '60', NaN, null].map(isSessionMinutes)).toEqual([false, false, false, false, false, false]);
});
