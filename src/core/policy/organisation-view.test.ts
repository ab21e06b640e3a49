import { importConfig } from '../catalogue/import-config';
import { exportWithOrganisation, organisationView } from './organisation-view';
import { parsePolicy } from './policy-values';

const ORG = '[profile shop-dev]\nrole_arn = arn:aws:iam::111111111111:role/Developer\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n';

test('the view: roles, locked settings in order, problems grouped, what happened to the user\'s own', () => {
  const policy = parsePolicy({ config: ORG, titlePrefix: false, bannerEnabled: true, allowPersonalConfig: false, accounts: { '12': {} } });
  const view = organisationView(policy, importConfig('[profile mine]\nrole_arn = arn:aws:iam::222222222222:role/Dev\n').entries);
  expect(view).toMatchObject({ active: true, profiles: 1, personalAllowed: false });
  expect(view.locked).toEqual([
    { key: 'bannerEnabled', value: true },
    { key: 'titlePrefix', value: false },
  ]);
  expect(view.problems.map((g) => g.heading)).toEqual(["Your organisation's config: 1 warning (line 3)", "Your organisation's accounts: 1 error"]);
  expect(view.notices).toEqual(['Your organisation shows only its own roles: your 1 profile stays saved, and comes back if it allows it again.']);
  expect(organisationView(parsePolicy(undefined), [])).toMatchObject({ active: false, profiles: 0, personalAllowed: true, locked: [], problems: [], notices: [] });
});

test("export: the user's own text as stored, then the organisation's profiles commented out under their heading, without secrets", () => {
  const out = exportWithOrganisation('[profile mine]\nrole_arn = arn:aws:iam::222222222222:role/Dev', parsePolicy({ config: ORG }))!;
  expect(out.organisationProfiles).toBe(1);
  expect(out.text.startsWith('[profile mine]\nrole_arn = arn:aws:iam::222222222222:role/Dev\n\n# From your organisation\'s browser policy\n')).toBe(true);
  expect(out.text).toContain('\n# [profile shop-dev]\n# role_arn = arn:aws:iam::111111111111:role/Developer\n');
  expect(out.text).not.toContain('wJalrXUtnFEMI');
  // Importing the export gives the user's own profiles only.
  expect(importConfig(out.text).entries.map((e) => e.profile)).toEqual(['mine']);
});

test('export without an organisation config is the stored text as it is; nothing at all is null', () => {
  expect(exportWithOrganisation('[profile a]\n', parsePolicy({ titlePrefix: true }))).toEqual({ text: '[profile a]\n', organisationProfiles: 0 });
  expect(exportWithOrganisation(null, parsePolicy(undefined))).toBeNull();
  expect(exportWithOrganisation(null, parsePolicy({ config: ORG }))!.text.startsWith("# From your organisation's browser policy\n")).toBe(true);
});
