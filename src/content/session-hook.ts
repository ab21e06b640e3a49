// Where the banner and its session chip (session-chip.ts, injected by the background into tabs
// whose session it knows) meet: a symbol in the content scripts' shared isolated world, like the
// "Why?" panel's (why-hook.ts). The banner leaves its bar there after each render (null when
// collapsed or hidden) and calls the chip's `draw`; the chip, injected later, draws into the bar
// it finds. Page markup can put named properties on `window`, never symbols.
export const SESSION_SLOT = Symbol.for('role-switchboard.session');

export interface SessionSlot {
  bar?: HTMLElement | null;
  /** Set by the chip: puts its line into the bar (again after each render of the banner). */
  draw?: (bar: HTMLElement | null) => void;
  /** Set by the chip: asks the background for the line again (the chip's script was injected again). */
  refresh?: () => void;
}

export const sessionSlot = (): SessionSlot => ((globalThis as unknown as Record<symbol, SessionSlot>)[SESSION_SLOT] ??= {});
