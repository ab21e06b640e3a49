import { launchWithExtension, collectErrors, type ExtensionSession } from './harness';

let session: ExtensionSession;

beforeAll(async () => {
  session = await launchWithExtension();
});
afterAll(async () => {
  await session?.close();
});

test('the extension installs and its popup page renders', async () => {
  expect(session.extensionId).toMatch(/^[a-p]{32}$/);
  const page = await session.openPage('popup.html');
  const errors = collectErrors(page);
  await page.waitForSelector('#root > *');
  const text = await page.$eval('#root', (el) => el.textContent ?? '');
  expect(text).toContain('Role Switchboard');
  expect(errors).toEqual([]);
});
