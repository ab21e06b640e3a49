import { importConfig } from './import-config';
import { decodeCatalogueCache, encodeCatalogueCache } from '../storage/catalogue-cache';

const config = `[profile base]
region = us-east-1

[profile long]
role_arn = arn:aws:iam::123456789012:role/Admin
console_session_minutes = 240
source_profile = base

[profile short]
role_arn = arn:aws:iam::123456789012:role/ReadOnly
console_session_minutes = 5
source_profile = base

[profile words]
role_arn = arn:aws:iam::123456789012:role/Deploy
console_session_minutes = 1h
source_profile = base

[profile plain]
role_arn = arn:aws:iam::123456789012:role/Ops
source_profile = base
`;

test('console_session_minutes gives a profile its own session length; a value out of range or not minutes is said and not used', () => {
  const byName = Object.fromEntries(importConfig(config).entries.map((e) => [e.profile, e]));
  expect(byName.long!.sessionMinutes).toBe(240);
  expect(byName.long!.notes ?? []).toEqual([]);
  expect(byName.plain!.sessionMinutes).toBeUndefined();
  expect(byName.short!.sessionMinutes).toBeUndefined();
  expect(byName.short!.notes).toContain('console_session_minutes "5" is not a whole number of minutes from 15 to 720; the session length in the settings is used.');
  expect(byName.words!.notes).toContain('console_session_minutes "1h" is not a whole number of minutes from 15 to 720; the session length in the settings is used.');
});

test('the catalogue cache keeps the session length', async () => {
  const catalogue = importConfig(config);
  const decoded = await decodeCatalogueCache(await encodeCatalogueCache(catalogue, 'sum', '0.1.0'));
  expect(decoded!.catalogue.entries.find((e) => e.profile === 'long')!.sessionMinutes).toBe(240);
  expect(decoded!.catalogue.entries.find((e) => e.profile === 'plain')!.sessionMinutes).toBeUndefined();
});
