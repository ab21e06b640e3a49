// Where the "Why?" panel script (why-panel.ts, injected on demand) leaves its function for the
// banner to call: a symbol in the content scripts' shared isolated world. Page markup can put
// named properties on `window` (an element with that id), never symbols. Kept apart so that the
// banner imports the name without the panel.
export const WHY_PANEL = Symbol.for('role-switchboard.why-panel');

/**
 * Shows `report` under the banner at `edge`, `offset` px from it (the console's footer); null
 * closes the panel, undefined says the background did not answer (the sentence is the panel's:
 * the banner does not carry it on every page).
 */
export type ShowWhyPanel = (report: string | null | undefined, edge: 'top' | 'bottom', offset: number) => void;

/** The panel function, once the background has injected its script; undefined before. */
export const whyPanel = (): ShowWhyPanel | undefined => {
  const show = (globalThis as unknown as Record<symbol, unknown>)[WHY_PANEL];
  return typeof show === 'function' ? (show as ShowWhyPanel) : undefined;
};
