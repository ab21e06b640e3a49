/**
 * @jest-environment jsdom
 */
// Holes found by the second adversarial review in what the content script puts on the page:
// a page script that hides the production banner, or takes the [PROD] prefix off for good.
import { createPlacement } from './placement';
import { createTitlePrefix } from './title-prefix';

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

describe('the page fights the [PROD] title prefix', () => {
  afterEach(() => jest.useRealTimers());

  test('after a burst of title writes (more than the rewrite limit) the prefix comes back once the page is quiet, with one timer', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] });
    document.head.replaceChildren(Object.assign(document.createElement('title'), { textContent: 'EC2' }));
    const title = createTitlePrefix(document);
    title.set('[PROD] ');
    expect(document.title).toBe('[PROD] EC2');
    // 30 writes in the same second, each seen by the observer; the last one has no prefix.
    for (let i = 0; i < 30; i++) {
      document.title = `Instances (${i})`;
      await Promise.resolve();
    }
    expect(document.title).toBe('Instances (29)');
    // However many writes were over the limit, one retry waits.
    expect(jest.getTimerCount()).toBe(1);
    jest.advanceTimersByTime(1000);
    await Promise.resolve();
    expect(document.title).toBe('[PROD] Instances (29)');
    expect(jest.getTimerCount()).toBe(0);
  });
});
