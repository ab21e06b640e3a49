// What counts as a line that carries a secret (src/core/secret-lines.ts), shape by shape, what
// the preview calls it, and the look-alikes that must stay: real config keys and comments that
// only mention a secret word. stripSecrets then removes exactly those lines and what belongs
// to them (continuation lines, wrapped pieces).
import fc from 'fast-check';
import { importConfig } from '../catalogue/import-config';
import { readConfig } from './parse-aws-config';
import { maskSecrets, stripSecrets } from './strip-secrets';
import { scanConfigLines } from './config-scanner';
import { SecretLineFinder, cannotHoldSecrets } from './secret-lines';
import { everyShapeConfigArb } from '../../../test/fixtures/secret-shapes';

const KEY_ID = 'ASIAQWERTYUIOPASDF12';
const SECRET = 'q8Vz+3kLmN0pQrStUvWxYz/AbCdEfGhIjKlMn4Op';
const TOKEN = `IQoJb3JpZ2luX2VjEJr//////////wEaCWV1LXdlc3QtMSJHMEUCIQD${'x7Yq9Lk2Pz4Mw8Nb'.repeat(12)}==`;
const FLAG_SECRET = 'n0t-a-FLAG_x9';

/** What stripSecrets says about the one line `line` (under a [default] header), or null when it stays. */
function whatOf(line: string): string | null {
  const { removed } = stripSecrets(`[default]\n${line}\n`);
  return removed[0]?.what[0] ?? null;
}

describe('lines that carry a secret', () => {
  it.each([
    [`export AWS_SECRET_ACCESS_KEY="${SECRET}"`, 'shell export of AWS_SECRET_ACCESS_KEY'],
    [`export AWS_SESSION_TOKEN=${TOKEN}`, 'shell export of AWS_SESSION_TOKEN'],
    [`$Env:AWS_SESSION_TOKEN="${TOKEN}"`, 'PowerShell variable AWS_SESSION_TOKEN'],
    [`$env:AWS_ACCESS_KEY_ID = "${KEY_ID}"`, 'PowerShell variable AWS_ACCESS_KEY_ID'],
    [`SET AWS_ACCESS_KEY_ID=${KEY_ID}`, 'Windows SET of AWS_ACCESS_KEY_ID'],
    [`set "AWS_SECRET_ACCESS_KEY=${SECRET}"`, 'Windows SET of AWS_SECRET_ACCESS_KEY'],
    [`setx AWS_SECRET_ACCESS_KEY ${SECRET}`, 'shell variable AWS_SECRET_ACCESS_KEY'],
    [`set -gx AWS_SESSION_TOKEN '${TOKEN}'`, 'shell variable AWS_SESSION_TOKEN'],
    [`"SecretAccessKey": "${SECRET}",`, 'JSON field SecretAccessKey'],
    [`{"AccessKeyId":"${KEY_ID}","SessionToken":"${TOKEN}"}`, 'JSON field AccessKeyId'],
    [`{"startUrl": "https://d-1234567890.awsapps.com/start", "accessToken": "aoa${FLAG_SECRET}:MGUC"}`, 'JSON field accessToken'],
    [`  "refreshToken": "aor${FLAG_SECRET}"`, 'JSON field refreshToken'],
    [`"clientSecret": "eyJ${FLAG_SECRET}"`, 'JSON field clientSecret'],
    [`credential_process = /opt/bin/creds --secret ${FLAG_SECRET} --json`, 'command-line flag --secret'],
    [`credential_process = /opt/bin/creds --secret -${FLAG_SECRET}`, 'command-line flag --secret'],
    [`credential_process = /opt/bin/creds --aws-secret-access-key=${SECRET}`, 'command-line flag --aws-secret-access-key'],
    [`credential_process = /opt/bin/creds --tags team=ops,token=${FLAG_SECRET}`, 'a value given to token'],
    [`aws_secret_key = ${SECRET}`, 'the key aws_secret_key'],
    [`aws_access_key = ${KEY_ID}`, 'the key aws_access_key'],
    [`AWS_SECRET_ACCESS_KEY: ${SECRET}`, 'the key AWS_SECRET_ACCESS_KEY'],
    // A Kelvin sign lower-cases to k, for the AWS CLI too: this is aws_access_key_id.
    [`aws_access_\u212Aey_id = ${KEY_ID}`, 'the key aws_access_\u212Aey_id'],
    [`aws_secret_access_key ${SECRET}`, 'aws_secret_access_key without "=" or ":"'],
    [`aws_session_token "${TOKEN}"`, 'aws_session_token without "=" or ":"'],
    [`# aws_secret_access_key = ${SECRET}`, 'the key aws_secret_access_key, commented out'],
    [`;export AWS_SESSION_TOKEN=${TOKEN}`, 'shell export of AWS_SESSION_TOKEN, commented out'],
    [`## aws_access_key_id ${KEY_ID}`, 'aws_access_key_id without "=" or ":", commented out'],
    [KEY_ID, 'a bare value shaped like an access key ID'],
    [`"${SECRET}",`, 'a bare value shaped like a secret access key'],
    [TOKEN, 'a bare value shaped like a session token'],
    [`'${TOKEN.slice(0, 64)}`, 'a bare value shaped like a session token'],
    [`# ${SECRET}`, 'a bare value shaped like a secret access key, commented out'],
    [`role_session_name = ${KEY_ID}`, 'an access key ID inside the line'],
    [`credential_process = echo ${KEY_ID} ${SECRET}`, 'an access key ID inside the line'],
    ['password = hunter2', 'the key password'],
    // Another name is shown by its secret word alone: what comes before it may be a pasted secret.
    [`export MY_APP_TOKEN=${FLAG_SECRET}`, 'shell export of a name ending in "TOKEN"'],
    [`export ${KEY_ID}_token=${FLAG_SECRET}`, 'shell export of a name ending in "token"'],
    // The AWS CLI's own command writes the value to ~/.aws/credentials: prompt, flags and a profile prefix around it.
    [`aws configure set aws_secret_access_key ${SECRET}`, 'a value given to aws_secret_access_key'],
    [`aws configure set default.aws_session_token ${TOKEN}`, 'a value given to aws_session_token'],
    [`$ aws configure set --profile dev aws_secret_access_key "${SECRET}"`, 'a value given to aws_secret_access_key'],
    [`aws configure set profile.dev.aws_session_token ${TOKEN} --profile dev`, 'a value given to aws_session_token'],
    // A quoted name, its value the next field of the same statement.
    [`{"name": "AWS_SECRET_ACCESS_KEY", "value": "${SECRET}"}`, 'a value given to AWS_SECRET_ACCESS_KEY'],
    [`os.environ["AWS_SECRET_ACCESS_KEY"] = "${SECRET}"`, 'a value given to AWS_SECRET_ACCESS_KEY'],
    [`os.environ.setdefault('AWS_SESSION_TOKEN', '${TOKEN}')`, 'a value given to AWS_SESSION_TOKEN'],
    [`export HTTPS_PROXY=http://alice:${FLAG_SECRET}@proxy.corp.example:3128`, 'a URL with a password'],
    [`repo = https://bob:p#ss?${FLAG_SECRET}@git.example.com/team/repo.git`, 'a URL with a password'],
    [`Authorization: Bearer eyJ${FLAG_SECRET}.eyJzdWIiOiIxMjM0In0.sig`, 'an Authorization header'],
    [`curl -H "Authorization: Basic YWxpY2U6${FLAG_SECRET}" https://api.example.com`, 'an Authorization header'],
    [`curl -H "Proxy-Authorization: ${FLAG_SECRET}${FLAG_SECRET}" https://api.example.com`, 'an Authorization header'],
    [`-H 'Bearer ${FLAG_SECRET}${FLAG_SECRET}'`, 'an Authorization header'],
  ])('%s → %s', (line, what) => {
    expect(whatOf(line)).toBe(what);
    // What the preview shows never quotes a value.
    for (const value of [KEY_ID, SECRET, TOKEN.slice(0, 20), FLAG_SECRET, 'hunter2']) expect(what).not.toContain(value);
  });

  it('a nested secret key, also after a line break only Python sees', () => {
    expect(stripSecrets(`[default]\ns3 =\n  aws_secret_access_key = ${SECRET}\n`).removed[0]?.what).toEqual(['the nested key aws_secret_access_key']);
    expect(stripSecrets(`[default]\ns3 =\n  a = b\u2028aws_session_token = ${TOKEN}\n`).removed[0]?.what).toEqual(['the nested key aws_session_token']);
  });
});

describe('look-alikes that stay', () => {
  it.each([
    'web_identity_token_file = /var/run/secrets/eks.amazonaws.com/serviceaccount/token',
    'mfa_token_provider = "gopass otp -o 2fa/aws/token"',
    'sso_registration_scopes = sso:account:access',
    'sso_start_url = https://my-sso-portal.awsapps.com/start#/',
    // Long role paths are long runs of [A-Za-z0-9/]: only a whole line can be a bare value.
    'role_arn = arn:aws:iam::123456789012:role/platform/engineering/DeployAutomationRoleForProductionAccountsInEuWest1',
    'role_arn = arn:aws:iam::123456789012:role/Abcdefghij/Klmnopqrst/Uvwxyz0123/456789ABCD',
    'role_name = Abcdefghij/Klmnopqrst/Uvwxyz0123/456789ABCD',
    'mfa_serial = arn:aws:iam::123456789012:mfa/TokenDevice',
    'role_session_name = SessionTokenRefresher',
    'x_security_token_expires = 2026-01-01T00:00:00Z',
    'credential_process = aws-vault export --format=json --no-session capra-auth',
    'credential_process = granted credential-process --profile AccountName/RoleName',
    'credential_process = /opt/bin/creds --secret-id arn:aws:secretsmanager:eu-west-1:123456789012:secret:ci-creds',
    'credential_process = /opt/bin/creds --token --json',
    'credential_process = __HELPER_PATH__ "AWS Access Key (laravelvapor)" "Engineering"',
    'AWS_VAULT_KEYCHAIN_NAME = login',
    'note = aws_access_key_id is a word here',
    '; AWS_SESSION_TOKEN_TTL=1h   # master MFA session cache',
    '; GetSessionToken (MFA-gated) and caches the result in Keychain',
    '# paste AccessKeyId + SecretAccessKey from 1Password',
    '# token refresh is handled by aws-vault',
    '#aws_secret_access_key =',
    '# aws_session_token:',
    'AWS access key ID',
    'AWS session token',
    // 40 characters of one case, or a long word without digits: not a generated key or token.
    'abcdefghijabcdefghijabcdefghijabcdefghij',
    'OrganizationAccountAccessRoleForEveryProductionAccount',
    // aws configure set of a setting, or without a value; aws configure get.
    'aws configure set region eu-west-1',
    'aws configure set default.s3.max_concurrent_requests 20',
    'aws configure set aws_secret_access_key',
    'aws configure get aws_secret_access_key --profile dev',
    // Names only: a list of variables, a lookup, a name field whose value is not here.
    'env_passthrough = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"]',
    'key = os.environ.get("AWS_SECRET_ACCESS_KEY")',
    '- name: AWS_SECRET_ACCESS_KEY',
    '"name": "AWS_SESSION_TOKEN",',
    // URLs without a password: a port, a user only.
    'export HTTPS_PROXY=http://proxy.corp.example:3128',
    'sso_start_url = https://d-1234567890.awsapps.com/start#/',
    'repo = ssh://git@github.com:22/org/repo.git',
    'note = mail alice@example.com about http://wiki:8080/x',
    // An Authorization header with no credentials; the word bearer in prose.
    'Authorization: see the wiki',
    '# the bearer of this config owns it',
  ])('%s', (line) => {
    expect(whatOf(line)).toBeNull();
  });

  it('a section header is never removed (its keys would move into the section above)', () => {
    const text = `[profile a]\nregion = x\n[${KEY_ID}]\nrole_arn = arn:aws:iam::123456789012:role/A\n`;
    expect(stripSecrets(text).text).toBe(text);
  });
});

describe('what follows a header on its line (a paste that lost its line breaks)', () => {
  /** What stripSecrets keeps of `line`, and what it says it removed. */
  const tailOf = (line: string) => {
    const { text, removed } = stripSecrets(`${line}\nregion = eu-west-1\n`);
    return { kept: text, what: removed[0]?.what ?? [] };
  };

  it.each([
    [`[123456789012_PowerUserAccess] aws_secret_access_key=${SECRET} aws_session_token=${TOKEN}`, '[123456789012_PowerUserAccess]', 'the key aws_secret_access_key, after a section header'],
    ['[profile dev] password = hunter2', '[profile dev]', 'the key password, after a section header'],
    [`[q]  # aws_secret_access_key = ${SECRET}`, '[q]', 'the key aws_secret_access_key, commented out, after a section header'],
    [`[Environment]::SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "${SECRET}", "User")`, '[Environment]', 'a value given to AWS_SECRET_ACCESS_KEY, after a section header'],
  ])('%s: only the text after "]" goes', (line, header, what) => {
    expect(tailOf(line)).toEqual({ kept: `${header}\nregion = eu-west-1\n`, what: [what] });
  });

  it.each(['[profile finn] # FN-2187, Not Mertens', '[profile a] region = eu-west-1', '[default]\t'])('%j stays as it is', (line) => {
    expect(tailOf(line)).toEqual({ kept: `${line}\nregion = eu-west-1\n`, what: [] });
  });

  it('the profile still imports, and no diagnostic quotes the secret', () => {
    const c = importConfig('[profile dev] password = hunter2!Secret\nrole_arn = arn:aws:iam::123456789012:role/Dev\n');
    expect(c.entries.map((e) => e.profile)).toEqual(['dev']);
    expect(JSON.stringify(c)).not.toContain('hunter2');
  });
});

describe('a name on one line, its value on the next', () => {
  it.each([
    ['Kubernetes env', ['env:', '  - name: AWS_SECRET_ACCESS_KEY', `    value: ${SECRET}`, '  - name: AWS_REGION', '    value: eu-west-1']],
    ['CloudFormation', ['Environment:', '  - Name: AWS_SESSION_TOKEN', `    Value: "${TOKEN}"`]],
    ['ECS task definition JSON', ['"environment": [', '  {', '    "name": "AWS_SECRET_ACCESS_KEY",', `    "value": "${SECRET}"`, '  }', ']']],
  ])('%s: the value line goes, the name line and the rest stay', (_shape, lines) => {
    const valueLine = lines.findIndex((l) => l.includes(SECRET) || l.includes(TOKEN));
    const { text, removed } = stripSecrets(`${lines.join('\n')}\n[default]\nregion = x\n`);
    expect(text).toBe(`${lines.filter((_, i) => i !== valueLine).join('\n')}\n[default]\nregion = x\n`);
    expect(removed[0]!.what).toEqual([`the value of ${lines[valueLine - 1]!.match(/AWS_\w+/)![0]}, named on line ${valueLine}`]);
  });

  it.each([
    ['a value from a secret reference', ['  - name: AWS_SECRET_ACCESS_KEY', '    valueFrom:', '      secretKeyRef:', '        name: aws', '        key: secret']],
    ['another name', ['  - name: AWS_REGION', '    value: eu-west-1']],
    ['a line between them', ['  - name: AWS_SECRET_ACCESS_KEY', '', '    value: later']],
  ])('%s stays', (_what, lines) => {
    const text = `env:\n${lines.join('\n')}\n[default]\nregion = x\n`;
    expect(stripSecrets(text)).toEqual({ text, removed: [] });
  });

  it('the IAM console-password CSV: its rows go, its header stays', () => {
    const csv = ['User name,Password,Console sign-in URL', 'alice,Hunter2!,pw,https://123456789012.signin.aws.amazon.com/console', 'bob,s3cret#pw,https://123456789012.signin.aws.amazon.com/console'];
    const { text, removed } = stripSecrets(`${csv.join('\n')}\n[default]\nregion = x\n`);
    expect(text).toBe(`${csv[0]}\n[default]\nregion = x\n`);
    expect(removed).toEqual([{ section: '', keys: [], lines: [2, 3], what: ['the value of Password, named on line 1', 'the value of Password, named on line 1'] }]);
  });

  it('the CSV table ends at a blank line, or at a line with fewer fields', () => {
    for (const after of ['\nregion = a,b', 'region = eu-west-1']) {
      const text = `[default]\nUser name,Password,Console sign-in URL\nalice,pw,https://x\n${after}\n`;
      expect(stripSecrets(text).text).toBe(`[default]\nUser name,Password,Console sign-in URL\n${after}\n`);
    }
    // A header without a secret column names nothing.
    const text = '[default]\nUser name,Email,Console sign-in URL\nalice,a@example.com,https://x\n';
    expect(stripSecrets(text).removed).toEqual([]);
  });
});

describe('what goes with a removed line', () => {
  it('the whole "Get credentials" dialog: only its labels and the profile header stay', () => {
    const dialog = [
      'macOS and Linux',
      `export AWS_ACCESS_KEY_ID="${KEY_ID}"`,
      `export AWS_SECRET_ACCESS_KEY="${SECRET}"`,
      `export AWS_SESSION_TOKEN="${TOKEN}"`,
      'Windows',
      `SET AWS_ACCESS_KEY_ID=${KEY_ID}`,
      `SET AWS_SECRET_ACCESS_KEY=${SECRET}`,
      `SET AWS_SESSION_TOKEN=${TOKEN}`,
      'PowerShell',
      `$Env:AWS_ACCESS_KEY_ID="${KEY_ID}"`,
      `$Env:AWS_SECRET_ACCESS_KEY="${SECRET}"`,
      `$Env:AWS_SESSION_TOKEN="${TOKEN}"`,
      '[123456789012_PowerUserAccess]',
      `aws_access_key_id=${KEY_ID}`,
      `aws_secret_access_key=${SECRET}`,
      `aws_session_token=${TOKEN}`,
      'AWS access key ID',
      KEY_ID,
      'AWS secret access key',
      SECRET,
      'AWS session token',
      TOKEN,
      '',
    ].join('\n');
    const { text, removed } = stripSecrets(dialog);
    // A lone word right under a secret may be its wrapped end: the tab names go too, and say so.
    expect(text).toBe(['macOS and Linux', '[123456789012_PowerUserAccess]', 'AWS access key ID', 'AWS secret access key', 'AWS session token', ''].join('\n'));
    expect(removed).toEqual([
      {
        section: '',
        keys: [],
        lines: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
        what: [
          'shell export of AWS_ACCESS_KEY_ID',
          'shell export of AWS_SECRET_ACCESS_KEY',
          'shell export of AWS_SESSION_TOKEN',
          'a lone word under line 4, taken as the rest of its value',
          'Windows SET of AWS_ACCESS_KEY_ID',
          'Windows SET of AWS_SECRET_ACCESS_KEY',
          'Windows SET of AWS_SESSION_TOKEN',
          'a lone word under line 8, taken as the rest of its value',
          'PowerShell variable AWS_ACCESS_KEY_ID',
          'PowerShell variable AWS_SECRET_ACCESS_KEY',
          'PowerShell variable AWS_SESSION_TOKEN',
        ],
      },
      {
        section: '123456789012_PowerUserAccess',
        keys: ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token'],
        lines: [14, 15, 16, 18, 20, 22],
        what: [
          'the key aws_access_key_id',
          'the key aws_secret_access_key',
          'the key aws_session_token',
          'a bare value shaped like an access key ID',
          'a bare value shaped like a secret access key',
          'a bare value shaped like a session token',
        ],
      },
    ]);
    // The importer says so: a credentials-file section, and keys before any section.
    const c = importConfig(dialog);
    expect(c.diagnostics.map((d) => d.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^This looks like a credentials file .*\[123456789012_PowerUserAccess\] holds access keys/),
        expect.stringMatching(/^Access keys in the lines before any \[section\] were dropped and never stored/),
      ]),
    );
  });

  it('a quoted token wrapped over lines, to its closing quote', () => {
    const pieces = TOKEN.match(/.{1,50}/g)!;
    const text = ['[default]', `export AWS_SESSION_TOKEN="${pieces[0]}`, ...pieces.slice(1, -1), `${pieces.at(-1)}"`, 'region = eu-west-1', ''].join('\n');
    const { text: out, removed } = stripSecrets(text);
    expect(out).toBe('[default]\nregion = eu-west-1\n');
    // Each piece is described by itself when it looks like a token, else as the wrapped rest.
    expect(removed[0]!.what.slice(1)).toEqual(pieces.slice(1).map((p) => (p.length >= 40 ? 'a bare value shaped like a session token' : 'the wrapped rest of the value on line 2')));
  });

  it('a commented-out token wrapped onto comment lines; an ordinary comment below stays', () => {
    const text = `[default]\n# aws_session_token = ${TOKEN.slice(0, 60)}\n# ${TOKEN.slice(60, 120)}\n#${TOKEN.slice(120)}\n# note\n`;
    expect(stripSecrets(text).text).toBe('[default]\n# note\n');
  });

  it('pretty sts JSON: the three credential lines go, the rest of the object stays', () => {
    const json = JSON.stringify({ Credentials: { AccessKeyId: KEY_ID, SecretAccessKey: SECRET, SessionToken: TOKEN, Expiration: '2026-05-04T12:00:00Z' } }, null, 4);
    const { text } = stripSecrets(`${json}\n`);
    expect(text).toBe('{\n    "Credentials": {\n        "Expiration": "2026-05-04T12:00:00Z"\n    }\n}\n');
  });

  it('a removed key takes its continuation lines (they are its value), whatever the key', () => {
    const text = `[default]\nregion = eu-west-1\ncredential_process = /opt/bin/creds --secret ${FLAG_SECRET}\n  --json\n  --verbose\noutput = json\n`;
    const { text: out, removed } = stripSecrets(text);
    expect(out).toBe('[default]\nregion = eu-west-1\noutput = json\n');
    expect(removed[0]!.what).toEqual(['command-line flag --secret', 'more of the value on line 3', 'more of the value on line 3']);
  });

  it('the end of a wrapped token, however short, when it has padding', () => {
    expect(stripSecrets(`[default]\n${TOKEN.slice(0, 60)}\nQw==\nregion = x\n`).text).toBe('[default]\nregion = x\n');
    // An empty `key=` right under a secret is a key, not a token's end.
    expect(stripSecrets(`[default]\n${TOKEN.slice(0, 60)}\nregion=\n`).text).toBe('[default]\nregion=\n');
  });
});

describe('the importer', () => {
  it('removes every line that carries a secret, whatever its shape, before the parser reads the text', () => {
    for (const line of [`export AWS_SESSION_TOKEN=${TOKEN}`, `# aws_secret_access_key = ${SECRET}`, KEY_ID, `"SessionToken": "${TOKEN}"`]) {
      const masked = maskSecrets(`[default]\nregion = x\n${line}\n`);
      expect(masked.removed).not.toEqual([]);
      expect(JSON.stringify(readConfig(masked.text))).not.toMatch(/ASIAQWERTY|q8Vz|IQoJ/);
    }
    expect(maskSecrets('[default]\nweb_identity_token_file = /tmp/token\n').removed).toEqual([]);
  });

  it('a commented-out key or a pasted export does not make a profile one with static keys (the source chain goes on)', () => {
    const chain = (extra: string) =>
      importConfig(`[profile base]\nrole_arn = arn:aws:iam::111111111111:role/Base\nsource_profile = root\n${extra}\n[profile root]\nregion = x\n[profile app]\nrole_arn = arn:aws:iam::222222222222:role/App\nsource_profile = base\n`).entries.find((e) => e.profile === 'app')?.sourceProfile;
    expect(chain(`# aws_secret_access_key = ${SECRET}`)).toEqual(['base', 'root']);
    expect(chain(`export AWS_SESSION_TOKEN=${TOKEN}`)).toEqual(['base', 'root']);
    // A key the AWS CLI reads does: botocore uses base's static keys and goes no further.
    expect(chain(`aws_access_key_id = ${KEY_ID}`)).toEqual(['base']);
  });
});

describe('properties on random text made of secret-shaped pieces', () => {
  const PIECES = [
    '\n', '\n', '\r\n', '\n  ', '\n    ', ' ', '=', ':', '"', "'", ',', '#', ';', '[', ']', '[profile p]\n', '[default]\n', 'region', 'x',
    'export ', 'SET ', 'setx ', '$Env:', '--secret ', '--token ', 'AWS_SESSION_TOKEN', 'aws_secret_access_key', 'SessionToken', 'clientSecret',
    'web_identity_token_file', 'mfa_token_provider', 'role/Path', KEY_ID, SECRET, TOKEN.slice(0, 48), '==', 'Qw', '\u2028', '\x1c', '\u212A',
  ];
  const textArb = fc.string({ unit: fc.constantFrom(...PIECES), maxLength: 60 });

  it('the importer masks exactly the lines stripSecrets removes (the importer relies on it)', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const masked = maskSecrets(text);
        expect(masked.text !== text).toBe(stripSecrets(text).removed.length > 0);
        expect(masked.removed).toEqual(stripSecrets(text).removed);
      }),
      { numRuns: 2000 },
    );
  });

  it('stripping twice removes nothing more (the import refuses to store text that still holds one)', () => {
    fc.assert(fc.property(textArb, (text) => expect(stripSecrets(stripSecrets(text).text).removed).toEqual([])), { numRuns: 2000 });
  });

  it('every removed line is described, and no description quotes a value', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        for (const r of stripSecrets(text).removed) {
          expect(r.what).toHaveLength(r.lines.length);
          for (const what of r.what) for (const value of [KEY_ID, SECRET.slice(0, 12), TOKEN.slice(0, 12)]) expect(what).not.toContain(value);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('a secret flag followed by what looks like another flag', () => {
  // Found by the property test (a random secret beginning with `--`): a capital marks a value.
  test.each([
    ['credential_process = vault-creds --account 123456789012 --secret --wuIuozPTVX --json', true],
    ['credential_process = vault-creds --secret --SweHHl1Kht9CXdp4GvlbMmhdhYCNa1fv0mD --json', true],
    ['credential_process = tool --token --json', false],
    ['credential_process = tool --password --no-cache', false],
  ])('%s → removed: %s', (line, removed) => {
    expect(stripSecrets(`[profile p]\n${line}\n`).text.includes(line)).toBe(!removed);
  });
});

describe('the last piece of a token wrapped over lines', () => {
  // Found by the property test: a random tail with no capital (`groo3hxunv7qcat=`).
  const pieces = ['55wLC0oM18VCRb4Liel1jdX0KscBalxL7VOX85dy', '9eY5v4n86XT3TaqCiSuMMS8DS1UmLJP2NFj4Bk5E'];
  test('goes, under other pieces', () => {
    const text = `[p]\naws_session_token=IQoJb3JpZ2luX2VjAOJdinpdlPG5auqzokHP0UFy\n${pieces.join('\n')}\ngroo3hxunv7qcat=\nregion = eu-west-1\n`;
    expect(stripSecrets(text).text).toBe('[p]\nregion = eu-west-1\n');
  });
  test('a key with a digit and no value under the continuation of a secret key stays (found by the property test)', () => {
    const text = '[p]\naws_session_token : SeCrEt0X766458651\n  SeCrEt0X766458651more\nv3uvh=\n  NB9jY = x\n';
    expect(stripSecrets(text).text).toBe('[p]\nv3uvh=\n  NB9jY = x\n');
  });
  test('an empty key under a piece stays (no digit, + or /)', () => {
    const text = `[p]\naws_session_token=IQoJb3JpZ2luX2VjAOJdinpdlPG5auqzokHP0UFy\n${pieces[0]}\nregion=\n`;
    expect(stripSecrets(text).text).toBe('[p]\nregion=\n');
  });
});

test('a bare token line with no digit but a slash goes (found by a fuzz run: the first wrapped line of a pasted session token)', () => {
  const text = 'AWS session token\nFwoGZXIvYXdzEWnqMbgUXRGnWyrhLdUyiNe/QCGUjQIPwZnCGvAHpwLx\nYyS/0Uql8F0tSxJySX/MUVxQiQXLtgFJoLyuuIEDuCn7breAbbZ8wvdV\n[profile a]\nregion = eu-west-1\n';
  expect(stripSecrets(text).text).toBe('AWS session token\n[profile a]\nregion = eu-west-1\n');
});

describe('cannotHoldSecrets (the whole-text pre-check that spares stripSecrets its line walk)', () => {
  /** Does SecretLineFinder find a secret on any line of `text` (the walk the pre-check skips)? */
  const anyLineFound = (text: string): boolean => {
    const finder = new SecretLineFinder(text);
    let found = false;
    scanConfigLines(text, (line) => {
      found = finder.find(line) !== null;
      return !found;
    });
    return found;
  };

  it('says so only where no line carries a secret (random texts of secret-ish pieces)', () => {
    const piece = fc.constantFrom(
      '[profile a]', '[default]', 'role_arn = arn:aws:iam::123456789012:role/Admin', 'region', ' = ', ': ', '=', '\n', '\r\n', ' ', '\t', '#', ';',
      'aws_access_key_id', 'AWS_SECRET_ACCESS_KEY', 'aws_session_to\u212aen', 'aws_access_\u212aey_id', 'Key', 'tOkEn', 'passwd', 'export ', '--secret ',
      'AKIA', 'asia', 'ABCDEFGHIJKLMNOPQRST', 'abcdefghijKLMNOPQRST0123456789+/abcdefgh', 'abcdefghijKLMNOPQRST0123456789+/abcdefg', '==', '"', ',',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join('')), (text) => {
        if (cannotHoldSecrets(text)) expect(anyLineFound(text)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('never says so of a paste with secrets in any shape', () => {
    fc.assert(fc.property(everyShapeConfigArb, (c) => expect(cannotHoldSecrets(c.text)).toBe(false)), { numRuns: 60 });
  });

  it.each([
    ['a key whose Kelvin sign lower-cases to k', '[default]\naws_access_\u212aey_id = x\n'],
    ['a bare secret key (40 base64 characters, no hint word)', '[default]\nwJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEabc\n'],
    ['an access key ID', '[default]\nAKIAIOSFODNN7EXAMPLE\n'],
  ])('does not say so of %s', (_what, text) => {
    expect(anyLineFound(text)).toBe(true);
    expect(cannotHoldSecrets(text)).toBe(false);
  });

  it('says so of a config without secrets, and stripSecrets keeps it as it is', () => {
    const text = '[profile dev]\nrole_arn = arn:aws:iam::123456789012:role/team/ops/Deployer\nregion = eu-west-1\ncolor = 00aa00\n';
    expect(cannotHoldSecrets(text)).toBe(true);
    expect(stripSecrets(text)).toEqual({ text, removed: [] });
  });
});
