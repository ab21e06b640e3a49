// The extension version that built a derived record (catalogue cache, head): an update may
// import differently, so records built by another version are rebuilt.
import { browser } from '../browser';

export function extensionVersion(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return '0';
  }
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
