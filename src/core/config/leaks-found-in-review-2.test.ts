// Leaks found in the second review (no secrets stored): pasted texts whose secret survived secret
// removal. Each test failed on the code before the fix. "Stored" is stripSecrets(text).text;
// "import output" is JSON.stringify(importConfig(text)). A piece is any 16 characters of the
// secret. The values are our own and hold no hint word (`key`, `token`, ...) themselves, so a
// line is found by its shape or its name, not by the secret spelling one out.
import { importConfig } from '../catalogue/import-config';
import { cannotHoldSecrets } from './secret-lines';
import { stripSecrets } from './strip-secrets';

const KEY_ID = 'ASIAZXCVBNMQWERTYU12';
const SECRET = 'q8Vz+3kLmN0pQrStUvWxYz/AbCdEfGhIjKlMn4Op';
const TOKEN = `IQoJb3JpZ2luX2VjEOr//////////wEaCWV1LXdlc3QtMSJIMEYCIQC${'h7Wq2Rz9Mv4Nc6Lp'.repeat(10)}==`;
const PASSWORD = 'Tr0ub4dor&3horse';
const CONFIG = '[profile dev]\nrole_arn = arn:aws:iam::123456789012:role/Dev\n';

/** Every 16-character window of `secret` found in `text` (the whole secret when shorter). */
function pieces(text: string, secret: string): string[] {
  const size = Math.min(16, secret.length);
  const out: string[] = [];
  for (let i = 0; i + size <= secret.length; i++) if (text.includes(secret.slice(i, i + size))) out.push(secret.slice(i, i + size));
  return out;
}
/** The pieces of `secrets` found in the stored text or the import output of `text`. */
function leaked(text: string, ...secrets: string[]): string[] {
  const stored = stripSecrets(text).text;
  const imported = JSON.stringify(importConfig(text));
  return secrets.flatMap((s) => [...pieces(stored, s), ...pieces(imported, s)]);
}

describe('the AWS CLI\'s table and text output (a secret in a column, no name on its line)', () => {
  test('`aws sts assume-role --output table`: the secret access key and the token rows are stored', () => {
    const table = ['||  AccessKeyId     |  ' + KEY_ID + '  ||', `||  SecretAccessKey |  ${SECRET}  ||`, `||  SessionToken    |  ${TOKEN}  ||`];
    expect(leaked(`${CONFIG}${table.join('\n')}\n`, SECRET, TOKEN)).toEqual([]);
  });

  test("`--query 'Credentials.[SecretAccessKey,SessionToken]' --output text`: one tab-separated line is stored", () => {
    expect(leaked(`${CONFIG}${SECRET}\t${TOKEN}\n`, SECRET, TOKEN)).toEqual([]);
    // A terminal copies the tab as spaces.
    expect(leaked(`${CONFIG}${SECRET}   ${TOKEN}\n`, SECRET, TOKEN)).toEqual([]);
    expect(leaked(`${CONFIG}${SECRET}\t2026-05-04T12:00:00+00:00\n`, SECRET)).toEqual([]);
  });
});

describe('a secret access key inside a line that mentions a secret, not given to a name', () => {
  test.each([
    ['a label with spaces (the portal dialog, a wiki page)', `Secret access key: ${SECRET}`],
    ['a label and the value in columns', `AWS secret access key    ${SECRET}`],
    ['PowerShell Set-Item', `Set-Item -Path Env:AWS_SECRET_ACCESS_KEY -Value "${SECRET}"`],
    ['PowerShell ${env:…}', `\${env:AWS_SECRET_ACCESS_KEY} = "${SECRET}"`],
    ['the STS query API\'s XML', `<SecretAccessKey>${SECRET}</SecretAccessKey>`],
    ['a name with a suffix', `aws_secret_access_key_old = ${SECRET}`],
    ['a Java SDK builder', `.secretAccessKey("${SECRET}")`],
    ['CDK', `const key = SecretValue.unsafePlainText("${SECRET}");`],
    ['a comment in prose', `# my secret key is ${SECRET}, do not share`],
  ])('%s is stored', (_shape, line) => {
    expect(leaked(`${CONFIG}${line}\n`, SECRET)).toEqual([]);
  });

  test('a session token inside any line: `aws ecr get-login` prints `docker login -u AWS -p TOKEN`, XML', () => {
    expect(leaked(`${CONFIG}docker login -u AWS -p ${TOKEN} https://123456789012.dkr.ecr.eu-west-1.amazonaws.com\n`, TOKEN)).toEqual([]);
    expect(leaked(`${CONFIG}<SessionToken>${TOKEN}</SessionToken>\n`, TOKEN)).toEqual([]);
  });

  test('the look-alikes stay: a 40-character role path on a line without a secret word, paths and ARNs', () => {
    const kept = [
      'role_name = Abcdefghij/Klmnopqrst/Uvwxyz0123/456789ABCD',
      'mfa_serial = arn:aws:iam::123456789012:mfa/platform/engineering/AutomationUserTokenDevice',
      'credential_process = /opt/keychain-helper /Users/alice/Library/Application/Support',
      'web_identity_token_file = /var/run/secrets/eks.amazonaws.com/serviceaccount/token',
    ];
    const text = `${CONFIG}${kept.join('\n')}\n`;
    expect(stripSecrets(text)).toEqual({ text, removed: [] });
  });
});

describe('characters copying adds: invisible ones, full-width forms, percent-encoding', () => {
  test.each([
    ['a zero-width space before the "="', `aws_secret_access_key\u200b = ${SECRET}`],
    ['a zero-width space inside the name', `aws_secret_acc\u200bess_key = ${SECRET}`],
    ['a zero-width joiner inside a token name (no hint word left on the line)', `aws_session_to\u200dken = ${TOKEN}`],
    ['a zero-width space inside a bare secret key (a chat tool lets it wrap there)', `${SECRET.slice(0, 20)}\u200b${SECRET.slice(20)}`],
    ['a full-width "="', `aws_secret_access_key \uff1d ${SECRET}`],
  ])('%s: the secret is stored', (_what, line) => {
    expect(leaked(`${CONFIG}${line}\n`, SECRET, TOKEN)).toEqual([]);
  });

  test('a password under a hint word broken by an invisible character: the whole-text fast path skipped it', () => {
    const text = `${CONFIG}passw\u200bord = ${PASSWORD}\n`;
    expect(cannotHoldSecrets(text)).toBe(false);
    expect(leaked(text, PASSWORD)).toEqual([]);
  });

  test('the console federation URL (getSigninToken) carries the session JSON percent-encoded', () => {
    const session = encodeURIComponent(JSON.stringify({ sessionId: KEY_ID, sessionKey: SECRET, sessionToken: TOKEN }));
    const url = `https://signin.aws.amazon.com/federation?Action=getSigninToken&SessionDuration=43200&Session=${session}`;
    expect(leaked(`${CONFIG}${url}\n`, KEY_ID, SECRET, TOKEN)).toEqual([]);
  });
});

describe('secret names the finder did not know', () => {
  test('the federation session JSON, pretty: "sessionKey" holds the secret access key', () => {
    expect(leaked(`${CONFIG}{\n  "sessionId": "${KEY_ID}",\n  "sessionKey": "${SECRET}",\n  "sessionToken": "${TOKEN}"\n}\n`, KEY_ID, SECRET, TOKEN)).toEqual([]);
  });

  test('a PEM private key on one line: a service account\'s "private_key", the `aws login` cache\'s "dpopKey"', () => {
    const pem = 'MHcCAQEEIO3rv8Tz0p6kQ2Wm5Nb9Yc1Xa7Lf4Hd8Js2Gq0Rw3UvoAoGCCqGSM49AwEHoUQDQgAE';
    expect(leaked(`${CONFIG}"private_key": "-----BEGIN PRIVATE KEY-----\\n${pem}\\n-----END PRIVATE KEY-----\\n",\n`, pem)).toEqual([]);
    expect(leaked(`${CONFIG}  "dpopKey": "-----BEGIN EC PRIVATE KEY-----\\n${pem}\\n-----END EC PRIVATE KEY-----\\n"\n`, pem)).toEqual([]);
  });

  test.each([
    ['an API key header', `curl -H "X-Api-Key: ${PASSWORD}" https://api.example.com`],
    ['an api_key setting', `api_key = ${PASSWORD}`],
    ["s3cmd's gpg_passphrase", `gpg_passphrase = ${PASSWORD}`],
  ])('%s is stored', (_what, line) => {
    expect(leaked(`${CONFIG}${line}\n`, PASSWORD)).toEqual([]);
  });
});

describe('passwords without a name before them', () => {
  test('curl -u user:password / --user is stored', () => {
    expect(leaked(`${CONFIG}curl -u alice:${PASSWORD} https://api.example.com\n`, PASSWORD)).toEqual([]);
    expect(leaked(`${CONFIG}curl --user "alice:${PASSWORD}" https://api.example.com\n`, PASSWORD)).toEqual([]);
  });

  test('a one-line .netrc entry is stored, and quoted in full in a diagnostic', () => {
    expect(leaked(`${CONFIG}machine api.example.com login alice password ${PASSWORD}\n`, PASSWORD)).toEqual([]);
  });

  test('a URL whose password holds "/" (a CodeCommit Git password is base64) is stored', () => {
    const git = 'https://alice-at-123456789012:Zm9v/YmFy+cXV4Tr0ub4dor=@git-codecommit.eu-west-1.amazonaws.com/v1/repos/app';
    expect(leaked(`${CONFIG}url = ${git}\n`, 'Zm9v/YmFy+cXV4Tr0ub4dor=')).toEqual([]);
  });

  test('what stays: a uid:gid, a port and a path with "@", curl without credentials', () => {
    const kept = ['note = docker run -u 1000:1000 image', 'registry = https://registry.example.com:443/@scope/pkg', 'note = curl -u alice https://x', 'note = ci-user:deploy'];
    const text = `${CONFIG}${kept.join('\n')}\n`;
    expect(stripSecrets(text)).toEqual({ text, removed: [] });
  });
});

describe('a removed command line that ends in a line continuation', () => {
  test('`aws configure set aws_secret_access_key \\` and the value on the next line is stored', () => {
    expect(leaked(`${CONFIG}aws configure set aws_secret_access_key \\\n    ${SECRET} --profile dev\n`, SECRET)).toEqual([]);
  });

  test('only the command goes: a key line at the left margin below it stays', () => {
    const { text } = stripSecrets(`[profile dev]\ncredential_process = tool --secret x9Lq2 \\\n  --json\nregion = eu-west-1\n`);
    expect(text).toBe('[profile dev]\nregion = eu-west-1\n');
    expect(stripSecrets(`[profile dev]\naws configure set aws_secret_access_key \\\nregion = eu-west-1\n`).text).toBe('[profile dev]\nregion = eu-west-1\n');
  });
});

test('the profile around these lines still imports (the tests above fail on the secret, not on a lost profile)', () => {
  expect(importConfig(CONFIG).entries.map((e) => e.profile)).toEqual(['dev']);
});
