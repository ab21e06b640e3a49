// Functions that run in the console page's MAIN world (the page's own JavaScript world, not the
// extension's), injected by the background with `scripting.executeScript({ world: 'MAIN', func })`
// for the console's own switch (docs/aws-facts.md §1.2, §1.3): only the page holds its CSRF token
// and sends its cookies with its own fetch. The browser serialises each function and runs it
// there alone, so each must be self-contained: nothing from any module scope, no imports but
// types (a lint rule keeps it so). The requests they send are built in src/core/console/switch-request.ts.

export type MainWorldResult = { ok: true } | { ok: false; reason: 'no-token' | 'no-body' };

/**
 * Reads the page's CSRF token (`AWSC.Auth.getMbtc()`, which only the page's own script holds)
 * and submits the classic switch form, exactly as the console's own menu does. The token never
 * leaves the page. The submit waits one task so the result reaches the extension before the page
 * navigates away.
 */
export function mainWorldClassicSwitch(action: string, fields: Record<string, string>): MainWorldResult {
  let token: unknown;
  try {
    const auth = (window as unknown as { AWSC?: { Auth?: { getMbtc?: () => unknown } } }).AWSC?.Auth;
    token = typeof auth?.getMbtc === 'function' ? auth.getMbtc() : undefined;
  } catch {
    token = undefined;
  }
  if (typeof token !== 'string' || token === '') return { ok: false, reason: 'no-token' };
  if (!document.body) return { ok: false, reason: 'no-body' };
  const form = document.createElement('form');
  form.method = 'POST';
  form.action = action;
  form.target = '_top';
  form.style.display = 'none';
  const all: Record<string, string> = { ...fields, csrf: token };
  for (const name of Object.keys(all)) {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = all[name]!;
    form.appendChild(input);
  }
  document.body.appendChild(form);
  setTimeout(() => HTMLFormElement.prototype.submit.call(form), 0);
  return { ok: true };
}

export interface MultiSessionSwitchResult {
  /** HTTP status, 0 when the request failed before an answer. */
  status: number;
  /** The new session's URL, when the answer names one. */
  destination: string | null;
}

/** The multi-session switch: a JSON POST from the page's own context, with its cookies and the CSRF header the console sends. */
export async function mainWorldMultiSessionSwitch(url: string, body: Record<string, string>): Promise<MultiSessionSwitchResult> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-PROTECTION': '1' },
      body: JSON.stringify(body),
    });
    let destination: string | null = null;
    try {
      const json: unknown = await response.json();
      const value = json && typeof json === 'object' ? (json as { destination?: unknown }).destination : undefined;
      destination = typeof value === 'string' && value !== '' ? value : null;
    } catch {
      destination = null;
    }
    return { status: response.status, destination };
  } catch {
    return { status: 0, destination: null };
  }
}
