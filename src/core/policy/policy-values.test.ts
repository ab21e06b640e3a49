import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { groupPolicyProblems, LOCKABLE_SETTINGS, managedPolicySchema, NO_POLICY, parsePolicy, POLICY_KEYS, type PolicyProblem } from './policy-values';

const role = (name: string, account: string, extra = '') => `[profile ${name}]\nrole_arn = arn:aws:iam::${account}:role/Admin\n${extra}`;
const ORG_CONFIG = [role('shop-dev', '111111111111'), role('shop-prod', '222222222222'), role('billing-qa', '333333333333')].join('\n');
const errors = (problems: readonly PolicyProblem[]) => problems.filter((p) => p.severity === 'error');

describe('no policy', () => {
  test.each([[undefined], [null], [{}]])('%p is no organisation at all: nothing applies, nothing to say', (raw) => {
    const policy = parsePolicy(raw);
    expect(policy).toEqual(NO_POLICY);
    expect(policy.active).toBe(false);
    expect(policy.allowPersonalConfig).toBe(true);
  });
});

describe('a valid policy', () => {
  const policy = parsePolicy({
    config: ORG_CONFIG,
    accounts: { '222222222222': { app: 'shop', environment: 'prod', alias: 'shop-live', production: true }, '444444444444': { environment: 'qa' } },
    bannerEnabled: true,
    titlePrefix: false,
    allowPersonalConfig: false,
  });

  test('every value applies and nothing is wrong', () => {
    expect(policy.active).toBe(true);
    expect(policy.problems).toEqual([]);
    expect(policy.locked).toEqual({ bannerEnabled: true, titlePrefix: false });
    expect(policy.allowPersonalConfig).toBe(false);
  });

  test("the config's profiles are read by the same importer and marked as the organisation's", () => {
    const entries = policy.config!.catalogue.entries;
    expect(entries.map((e) => [e.profile, e.env, e.isProduction, e.origin])).toEqual([
      ['shop-dev', 'development', false, 'organisation'],
      ['shop-prod', 'production', true, 'organisation'],
      ['billing-qa', 'test', false, 'organisation'],
    ]);
    expect(policy.config!.text).toBe(ORG_CONFIG);
  });

  test('accounts: environment words are read like env =, production is authoritative', () => {
    expect({ ...policy.accounts }).toEqual({
      '222222222222': { app: 'shop', env: 'production', envLabel: 'prod', alias: 'shop-live', production: true },
      '444444444444': { env: 'test', envLabel: 'qa', production: false },
    });
  });
});

describe("the organisation's config", () => {
  test('errors are listed with their lines, and the valid profiles still apply', () => {
    const text = `${role('shop-dev', '111111111111')}this line has no equals\n${role('shop-qa', '222222222222')}[profile broken\n`;
    const policy = parsePolicy({ config: text });
    expect(policy.config!.catalogue.entries.map((e) => e.profile)).toEqual(['shop-dev', 'shop-qa']);
    expect(errors(policy.problems).map((p) => [p.key, p.line])).toEqual([
      ['config', 3],
      ['config', 6],
    ]);
    const [group] = groupPolicyProblems(policy.problems);
    expect(group!.heading).toBe("Your organisation's config: 2 errors (lines 3, 6)");
    expect(group!.items[0]).toMatch(/^Line 3: "this line has no equals" is not a \[section\]/);
  });

  test('secrets are removed exactly as from a paste, named by line, and appear nowhere in what is kept', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const token = 'IQoJb3JpZ2luX2VjEXAMPLETOKENVALUEabcdefghijklmnop';
    const text = `${role('shop-dev', '111111111111')}aws_secret_access_key = ${secret}\n# export AWS_SESSION_TOKEN=${token}\n`;
    const policy = parsePolicy({ config: text });
    expect(JSON.stringify(policy)).not.toContain(secret);
    expect(JSON.stringify(policy)).not.toContain(token);
    expect(policy.config!.text).toBe(role('shop-dev', '111111111111'));
    expect(policy.config!.removed.flatMap((r) => r.lines)).toEqual([3, 4]);
    expect(policy.problems.map((p) => [p.severity, p.line])).toEqual([
      ['warning', 3],
      ['warning', 4],
    ]);
    expect(policy.config!.catalogue.entries.map((e) => e.profile)).toEqual(['shop-dev']);
  });

  test('a profile that cannot be listed is named, with its line', () => {
    const policy = parsePolicy({ config: `${role('shop-dev', '111111111111')}[profile odd]\nrole_arn = nonsense\n` });
    expect(policy.problems).toEqual([expect.objectContaining({ key: 'config', severity: 'warning', line: 3, message: expect.stringMatching(/^Profile "odd" is not listed: Invalid role_arn/) })]);
  });

  test('an empty config is no config; a config that is not text is an error', () => {
    expect(parsePolicy({ config: '  \n' }).config).toBeNull();
    const policy = parsePolicy({ config: ['[profile a]'], bannerEnabled: true });
    expect(policy.config).toBeNull();
    expect(policy.locked).toEqual({ bannerEnabled: true });
    expect(errors(policy.problems)).toEqual([expect.objectContaining({ key: 'config', message: expect.stringContaining('must be the text of an ~/.aws/config') })]);
  });
});

describe('accounts', () => {
  const read = (accounts: unknown) => parsePolicy({ accounts });

  test('an invalid entry is named by its account ID; the valid entries and fields apply', () => {
    const policy = read({
      '12345': { production: true },
      '111111111111': { app: 'shop', production: 'yes' },
      '222222222222': { environment: 'staging', alias: 'Not An Alias' },
      '333333333333': { production: true },
    });
    expect({ ...policy.accounts }).toEqual({
      '111111111111': { app: 'shop', production: false },
      '222222222222': { env: 'staging', envLabel: 'staging', production: false },
      '333333333333': { env: 'production', envLabel: 'production', production: true },
    });
    expect(policy.problems.map((p) => [p.severity, p.account, p.message])).toEqual([
      ['error', '12345', '"12345" is not a 12-digit account ID; its entry is ignored.'],
      ['error', '111111111111', 'Account 111111111111: production must be true or false; it is ignored.'],
      ['error', '222222222222', 'Account 222222222222: alias must be an IAM account alias (3 to 63 of a-z, 0-9 and -); it is ignored.'],
    ]);
    expect(groupPolicyProblems(policy.problems).map((g) => g.heading)).toEqual(["Your organisation's accounts: 3 errors"]);
  });

  test('production: true wins over an environment that says otherwise, with a warning', () => {
    const policy = read({ '111111111111': { environment: 'dev', production: true } });
    expect(policy.accounts['111111111111']).toEqual({ env: 'production', envLabel: 'production', production: true });
    expect(policy.problems).toEqual([expect.objectContaining({ severity: 'warning', account: '111111111111', message: expect.stringContaining('is not production, but production is true') })]);
  });

  test('an environment of its own is kept as a label; unknown fields are named and ignored; an entry with nothing valid is dropped', () => {
    const policy = read({ '111111111111': { environment: 'Perf', colour: 'red' }, '222222222222': { app: '' } });
    expect({ ...policy.accounts }).toEqual({ '111111111111': { env: 'other', envLabel: 'perf', production: false } });
    expect(policy.problems.map((p) => [p.severity, p.account])).toEqual([
      ['warning', '111111111111'],
      ['error', '222222222222'],
    ]);
  });

  test('accounts that is not a map is an error; a key like __proto__ reaches no prototype', () => {
    expect(errors(read([{ '111111111111': {} }]).problems)[0]!.message).toMatch(/^accounts must map 12-digit account IDs/);
    const policy = parsePolicy(JSON.parse('{"accounts": {"__proto__": {"production": true}}}'));
    expect(Object.keys(policy.accounts)).toEqual([]);
    expect(({} as Record<string, unknown>).production).toBeUndefined();
    expect(policy.problems[0]!.message).toBe('"__proto__" is not a 12-digit account ID; its entry is ignored.');
  });
});

describe('locked settings and the rest', () => {
  test('a setting of the wrong type locks nothing and is named', () => {
    const policy = parsePolicy({ bannerEnabled: 'yes', autoSubmitSwitchForm: false, allowPersonalConfig: 0 });
    expect(policy.locked).toEqual({ autoSubmitSwitchForm: false });
    expect(policy.allowPersonalConfig).toBe(true);
    expect(errors(policy.problems).map((p) => p.message)).toEqual(['bannerEnabled must be true or false; it is ignored.', 'allowPersonalConfig must be true or false; it is ignored.']);
  });

  test('a key this extension does not have is a warning (Firefox has no schema to drop it)', () => {
    const policy = parsePolicy({ bannerEnabeld: false });
    expect(policy.active).toBe(true);
    expect(policy.locked).toEqual({});
    expect(policy.problems).toEqual([{ key: 'bannerEnabeld', severity: 'warning', message: '"bannerEnabeld" is not a setting of this extension; it is ignored.' }]);
    expect(groupPolicyProblems(policy.problems)[0]!.heading).toBe("Your organisation's policy: 1 warning");
  });

  test.each([[[]], ['config'], [42]])('a policy that is not a set of named values (%p) is ignored, and says so', (raw) => {
    const policy = parsePolicy(raw);
    expect(policy.active).toBe(true);
    expect(policy.config).toBeNull();
    expect(errors(policy.problems)).toHaveLength(1);
  });

  test('untrusted keys are shortened to one line in messages', () => {
    const key = `${'x'.repeat(100)}\nsecond line`;
    const policy = parsePolicy({ [key]: 1 });
    expect(policy.problems[0]!.message).toBe(`"${'x'.repeat(39)}…" is not a setting of this extension; it is ignored.`);
    expect(policy.problems[0]!.key).not.toContain('\n');
  });
});

describe('the zod schema, the JSON schema and the parser agree', () => {
  const jsonSchema = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../managed-schema.json'), 'utf8'));

  test('managed-schema.json declares exactly the policy keys, with the types the parser reads', () => {
    expect(Object.keys(jsonSchema.properties).sort()).toEqual([...POLICY_KEYS].sort());
    expect(Object.keys(managedPolicySchema.shape).sort()).toEqual([...POLICY_KEYS].sort());
    expect(jsonSchema.properties.config.type).toBe('string');
    for (const key of [...LOCKABLE_SETTINGS, 'allowPersonalConfig']) expect([key, jsonSchema.properties[key].type]).toEqual([key, 'boolean']);
    const account = jsonSchema.properties.accounts.additionalProperties;
    expect(Object.fromEntries(Object.entries(account.properties).map(([k, v]) => [k, (v as { type: string }).type]))).toEqual({ app: 'string', environment: 'string', alias: 'string', production: 'boolean' });
    // Chrome refuses to load an extension whose schema breaks its rules (the top level is an object without additionalProperties).
    expect(jsonSchema.type).toBe('object');
    expect(jsonSchema.additionalProperties).toBeUndefined();
  });

  const value = fc.oneof(fc.boolean(), fc.string({ maxLength: 8 }), fc.integer(), fc.constant(null), fc.constantFrom('dev', 'prod', 'shop', 'shop-live'));
  const account = fc.dictionary(fc.constantFrom('app', 'environment', 'alias', 'production', 'other'), value, { maxKeys: 4 });
  const policyArb = fc.record(
    {
      config: fc.oneof(fc.constantFrom('', ORG_CONFIG), value),
      // (Not `__proto__`: zod's record skips that key, the parser names it; tested above.)
      accounts: fc.oneof(fc.dictionary(fc.constantFrom('111111111111', '222222222222', '1234', 'constructor'), fc.oneof(account, value), { maxKeys: 3 }), value),
      bannerEnabled: value,
      titlePrefix: value,
      autoSubmitSwitchForm: value,
      allowPersonalConfig: value,
      extra: value,
    },
    { requiredKeys: [] },
  );

  test('the parser never throws, and finds an error exactly when the zod schema rejects the values', () => {
    fc.assert(
      fc.property(policyArb, (raw) => {
        const policy = parsePolicy(raw);
        const wrong = policy.problems.some((p) => p.severity === 'error' && p.line === undefined);
        expect(wrong).toBe(!managedPolicySchema.safeParse(raw).success);
      }),
      { numRuns: 500 },
    );
    fc.assert(fc.property(fc.anything(), (raw) => void parsePolicy(raw)));
  });
});
