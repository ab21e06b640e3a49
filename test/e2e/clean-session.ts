// Jest setup shared by the UI end-to-end files. Kept apart from ui-helpers.ts, which the
// benchmarks and the screenshot script also compile (without jest's globals).
import { launchWithExtension, type ExtensionSession } from './harness';
import { clearStorage, closePages } from './ui-helpers';

/**
 * One browser per test file, and before each test no open pages and empty storage.
 * `receive` gets the session once it is launched.
 */
export function useCleanExtension(receive: (session: ExtensionSession) => void): void {
  let session: ExtensionSession | undefined;
  beforeAll(async () => {
    session = await launchWithExtension();
    receive(session);
  });
  afterAll(async () => {
    await session?.close();
  });
  beforeEach(async () => {
    await closePages(session!);
    await clearStorage(session!);
  });
}
