/**
 * @jest-environment jsdom
 */
// Holes found by the second adversarial review in what the content script puts on the page:
// a page script that hides the production banner.
import { createPlacement } from './placement';

const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  const main = document.createElement('main');
  main.textContent = 'page';
  document.body.replaceChildren(main);
});

describe('the page restyles our host', () => {
  test('display:none (even !important) on the banner host is put back at once', async () => {
    const host = document.createElement('role-switchboard-banner');
    const placement = createPlacement(document, host, () => undefined);
    placement.update(30, 'top');
    expect(host.style.getPropertyValue('display')).toBe('block');
    // What a page script can do to any element: our host is in its DOM.
    host.style.setProperty('display', 'none', 'important');
    await flush();
    expect(host.style.getPropertyValue('display')).toBe('block');
    host.removeAttribute('style');
    await flush();
    expect(host.style.getPropertyValue('height')).toBe('30px');
    expect(placement.detached()).toBe(false);
  });
});
