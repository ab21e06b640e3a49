// The banner's session chip (issue 13 §2), its own small script (session.js): the background
// injects it into the content scripts' world of a console tab whose session it knows, so the
// banner script that runs on every console page carries none of this. It asks the background
// for the tab's session once, then ticks by itself with the tab's clock:
// - a session this extension started: "41 min left", a warning in the last five minutes and
//   "Session expired" after (docs/aws-facts.md §7), with "Renew" (the same switch again, landing
//   on the same page) in both;
// - any other session: how long ago it was first seen, and no countdown it cannot know.
// Text only, styles through the CSSOM, inside the banner's closed shadow root.
import { isSessionBanner } from '../core/protocol/guards';
import { MESSAGE } from '../core/protocol/message-names';
import { countdownPhase, seenText, timeLeftText, type CountdownPhase } from '../core/sessions/session-time';
import type { SessionBanner } from '../core/sessions/session-records';
import { ext } from '../platform/native';
import { sessionSlot } from './session-hook';

/** Colours per phase: each pair has at least 4.5:1 contrast whatever the banner's colour around it. */
const PHASE_STYLE: Record<CountdownPhase | 'seen', string> = {
  seen: '',
  running: '',
  warning: 'background:#ffd500;color:#000;',
  expired: 'background:#b0081a;color:#fff;',
};
const CHIP = 'padding:2px 6px;border-radius:3px;font-weight:600;';
const BUTTON = 'flex:none;margin-left:6px;cursor:pointer;font:inherit;font-weight:700;padding:2px 8px;border:1px solid;border-radius:3px;';
/** How often the chip looks at the clock: a minute's text changes within a second of it. */
const TICK_MS = 1000;

function start(api: NonNullable<typeof ext>): void {
  const slot = sessionSlot();
  let status: SessionBanner = { kind: 'none' };
  /** While a renewal is under way, or why it failed. */
  let renewing: string | null = null;
  let chip: HTMLElement | null = null;
  let shown = '';

  const ask = async (message: unknown): Promise<unknown> => {
    try {
      return await api.runtime.sendMessage(message);
    } catch {
      return undefined;
    }
  };

  const onRenew = async () => {
    renewing = 'Renewing…';
    draw();
    const outcome = (await ask({ type: MESSAGE.sessionRenew })) as { status?: unknown; message?: unknown } | undefined;
    // On success the tab goes to the renewed session's page: this script goes with the old one.
    renewing = outcome?.status === 'failed' && typeof outcome.message === 'string' ? outcome.message : outcome?.status === 'done' ? 'Renewing…' : 'Not renewed: the extension did not answer.';
    draw();
  };

  /** The chip's text, style and whether it offers "Renew", at `now`. */
  const line = (now: number): [text: string, phase: CountdownPhase | 'seen', title: string] | null => {
    if (status.kind === 'countdown') {
      const phase = countdownPhase(status.endsAt, now);
      const title = phase === 'expired' ? 'This session has run out: Renew switches again, to this page.' : 'Time left in this session, which Role Switchboard started.';
      return [timeLeftText(status.endsAt, now), phase, title];
    }
    if (status.kind === 'seen') return [seenText(status.since, now), 'seen', 'Role Switchboard did not start this session: its end is unknown.'];
    return null;
  };

  function draw(bar = slot.bar ?? null): void {
    const now = Date.now();
    const what = line(now);
    const key = `${what?.join('|')}|${renewing}`;
    // Already in this bar and unchanged: nothing to do (the common tick).
    if (bar && chip?.parentNode === bar && key === shown) return;
    chip?.remove();
    chip = null;
    shown = key;
    if (!bar || !what) return;
    const [text, phase, title] = what;
    const doc = bar.ownerDocument;
    const el = <K extends keyof HTMLElementTagNameMap>(parent: Node, tag: K, css: string, content: string) => {
      const node = doc.createElement(tag);
      node.style.cssText = css;
      node.textContent = content;
      parent.appendChild(node);
      return node;
    };
    // A timer (its text is the time left, or since when the session is known), with "Renew" in it.
    chip = doc.createElement('span');
    // A countdown never gives way (it may be the last five minutes); "first seen" gives way
    // first, to nothing, so the banner's facts and buttons always fit (issue 15 §4).
    chip.style.cssText = phase === 'seen' ? 'flex:0 1000 auto;min-width:0;overflow:hidden;text-overflow:ellipsis;margin-left:10px' : 'flex:none;display:flex;align-items:center;margin-left:10px';
    chip.setAttribute('role', 'timer');
    chip.setAttribute('aria-label', `Console session: ${renewing ?? text}`);
    // The end of a session is said once to a screen reader, not each minute.
    if (phase === 'expired') chip.setAttribute('aria-live', 'polite');
    el(chip, 'span', CHIP + PHASE_STYLE[phase], renewing ?? text).title = renewing ?? title;
    if ((phase === 'warning' || phase === 'expired') && renewing === null) {
      const renew = el(chip, 'button', BUTTON + PHASE_STYLE[phase], 'Renew');
      renew.type = 'button';
      renew.setAttribute('aria-label', 'Renew the console session: the same switch again, to this page');
      renew.addEventListener('click', () => void onRenew());
    }
    // After the facts, before the banner's own buttons (which stay at its right end).
    bar.insertBefore(chip, bar.querySelector(':scope > button'));
  }

  const refresh = async () => {
    const answer = await ask({ type: MESSAGE.sessionStatus });
    status = isSessionBanner(answer) ? answer : { kind: 'none' };
    renewing = null;
    draw();
  };

  slot.draw = draw;
  slot.refresh = () => void refresh();
  setInterval(() => draw(), TICK_MS);
  void refresh();
}

// Injected again when the tab reports another session: the running chip asks again.
const running = sessionSlot().refresh;
if (running) running();
else if (ext) start(ext);
