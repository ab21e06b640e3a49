import { launchWithExtension } from './harness';
import { importThroughPage } from './ui-helpers';
import { E2E_CONFIG, fixtureUrl, openConsoleTab, waitForBannerIndex } from './console-pages';
test('probe', async () => {
  const session = await launchWithExtension();
  await importThroughPage(session, E2E_CONFIG);
  await waitForBannerIndex(session, '123456789012');
  const { page } = await openConsoleTab(session);
  const rows: string[] = ['dcl loaded r0 r1 r2 r3 r4 painted'];
  for (let i = 0; i < 10; i++) {
    await page.goto('about:blank');
    await page.goto(fixtureUrl('classic-switched-role.html'), { waitUntil: 'load' });
    await page.waitForFunction(() => performance.getEntriesByName('role-switchboard:banner-painted').length > 0, { polling: 20 });
    rows.push(await page.evaluate(() => {
      const t = (n: string) => (performance.getEntriesByName(n)[0]?.startTime ?? NaN).toFixed(1);
      return ['rsb:dcl', 'rsb:loaded', 'r0', 'r1', 'r2', 'r3', 'r4', 'role-switchboard:banner-painted'].map(t).join(' ');
    }));
  }
  console.log(rows.join('\n'));
  await session.close();
}, 240000);
