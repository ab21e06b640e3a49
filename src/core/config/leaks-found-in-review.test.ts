// Leaks found in review (no secrets stored): pasted texts whose secret survived secret removal. Each
// test failed on the code before the fix. "Stored" is stripSecrets(text).text, which prepareImport
// stores; "import output" is JSON.stringify(importConfig(text)). A piece is any 16 characters
// of the secret (the window the project's own leak check, test/fixtures/secret-shapes.ts, uses).
import { importConfig } from '../catalogue/import-config';
import { stripSecrets } from './strip-secrets';

const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzzAMPLEKEY';
const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQDxyz+abc/def123ghiJKLmnoPQRstuVWXyz0123456789abcdefGHIJ==';
const PASSWORD = 'Hunter2!Secret#pw';
const CONFIG = '[profile dev]\nrole_arn = arn:aws:iam::123456789012:role/Dev\n';

/** Every 16-character window of `secret` found in `text` (the whole secret when shorter). */
function pieces(text: string, secret: string): string[] {
  const out: string[] = [];
  const escaped = JSON.stringify(text); // as JSON writes it: `/` stays, but be safe about escapes
  for (let i = 0; i + Math.min(16, secret.length) <= secret.length; i++) {
    const p = secret.slice(i, i + Math.min(16, secret.length));
    if (text.includes(p) || escaped.includes(p)) out.push(p);
  }
  return out;
}
const stored = (text: string) => stripSecrets(text).text;
const imported = (text: string) => JSON.stringify(importConfig(text));

describe('the AWS CLI\'s own `aws configure set` command line', () => {
  const secretLine = `aws configure set aws_secret_access_key ${SECRET_KEY}\n`;
  const tokenLine = `aws configure set aws_session_token ${SESSION_TOKEN}\n`;

  test('the secret access key is stored in full', () => {
    expect(stored(CONFIG + secretLine)).not.toContain(SECRET_KEY);
  });

  test('the session token is stored in full', () => {
    expect(stored(CONFIG + tokenLine)).not.toContain(SESSION_TOKEN);
  });

  test('17 characters of the secret access key reach the import diagnostics (quote() cuts before it masks)', () => {
    // The diagnostic reads: Line 3: "aws configure set aws_secret_access_key wJalrXUtnFEMI/K7M..." is not a [section]...
    expect(pieces(imported(CONFIG + secretLine), SECRET_KEY)).toEqual([]);
  });
});

describe('name/value pairs: the secret\'s name and its value are separate fields', () => {
  test('an ECS task definition / CloudFormation environment entry stores the secret key', () => {
    const text = `${CONFIG}{"name": "AWS_SECRET_ACCESS_KEY", "value": "${SECRET_KEY}"}\n`;
    expect(stored(text)).not.toContain(SECRET_KEY);
  });

  test('a Kubernetes env entry stores the secret key', () => {
    const text = `env:\n  - name: AWS_SECRET_ACCESS_KEY\n    value: ${SECRET_KEY}\n${CONFIG}`;
    expect(stored(text)).not.toContain(SECRET_KEY);
  });

  test('Python os.environ["AWS_SECRET_ACCESS_KEY"] = "…" stores the secret key', () => {
    expect(stored(`os.environ["AWS_SECRET_ACCESS_KEY"] = "${SECRET_KEY}"\n${CONFIG}`)).not.toContain(SECRET_KEY);
  });

  test('PowerShell [Environment]::SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "…", "User") stores the secret key', () => {
    expect(stored(`[Environment]::SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "${SECRET_KEY}", "User")\n${CONFIG}`)).not.toContain(SECRET_KEY);
  });
});

describe('a secret after a section header on the same line (a paste that lost its line breaks)', () => {
  test('a credentials profile flattened onto its header line is stored with its keys', () => {
    const text = `[123456789012_PowerUserAccess] aws_secret_access_key=${SECRET_KEY}\n${CONFIG}`;
    expect(stored(text)).not.toContain(SECRET_KEY);
  });

  test('a password after the header is quoted in full in the import diagnostics', () => {
    const text = `[profile dev] password = ${PASSWORD}\nrole_arn = arn:aws:iam::123456789012:role/Dev\n`;
    // The warning reads: the AWS CLI ignores "password = Hunter2!Secret#pw" after the closing "]".
    expect(imported(text)).not.toContain(PASSWORD);
    expect(stored(text)).not.toContain(PASSWORD);
  });
});

describe('passwords and bearer credentials in other shapes', () => {
  test('the IAM console-password CSV: the password is quoted in full in the import diagnostics, and stored', () => {
    const text = `User name,Password,Console sign-in URL\nalice,${PASSWORD},https://123456789012.signin.aws.amazon.com/console\n${CONFIG}`;
    // Line 2 is reported as: the key "alice,Hunter2!Secret#pw,https" comes before any [section] header.
    expect(imported(text)).not.toContain(PASSWORD);
    expect(stored(text)).not.toContain(PASSWORD);
  });

  test('a proxy URL with a password (export HTTPS_PROXY=http://user:password@host) is stored', () => {
    expect(stored(`export HTTPS_PROXY=http://alice:${PASSWORD}@proxy.corp.example:3128\n${CONFIG}`)).not.toContain(PASSWORD);
  });

  test('an Authorization: Bearer header is stored with its token', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
    expect(stored(`Authorization: Bearer ${jwt}\n${CONFIG}`)).not.toContain(jwt);
  });
});

test('the profile around these lines still imports (the tests above fail on the secret, not on a lost profile)', () => {
  expect(importConfig(CONFIG).entries.map((e) => e.profile)).toEqual(['dev']);
});
