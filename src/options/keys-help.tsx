// The keys of ours the import page teaches (the README says the same, under "The config keys it
// understands"): app, env and color, with an example the user can copy into their config.
import { useState } from 'preact/hooks';

export const KEYS_EXAMPLE = `[profile payments-live]
role_arn = arn:aws:iam::123456789012:role/Admin
app = payments
env = production
color = d13212
`;

export function KeysHelp({ copyText }: { copyText: (text: string) => Promise<void> }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = () =>
    void copyText(KEYS_EXAMPLE).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  return (
    <section class="card keys-card" aria-labelledby="keys-title" data-testid="keys-help">
      <div class="card-head">
        <h2 id="keys-title">Grouping your roles</h2>
        <span class="muted small">Three keys of ours; the AWS CLI ignores them</span>
      </div>
      <p>
        The popup groups roles by app and environment, read from each profile's name (<code>payments-prod</code> is app <em>payments</em>,
        environment <em>production</em>). Where the name does not say, or says it wrong, add a key to the profile:
      </p>
      <dl class="keys-list">
        <dt>
          <code>app = payments</code>
        </dt>
        <dd>The group the role is listed under.</dd>
        <dt>
          <code>env = production</code>
        </dt>
        <dd>
          Its environment: development, test (or qa), staging, production, sandbox, or a word of your own. Production is shown in red, always
          bannered, and a name that says production cannot be turned into anything else.
        </dd>
        <dt>
          <code>color = d13212</code>
        </dt>
        <dd>
          The colour of its badge and console banner: <code>d13212</code>, <code>#d13212</code> or a name such as <code>blue</code>.
        </dd>
      </dl>
      <div class="keys-example">
        <pre data-testid="keys-example">{KEYS_EXAMPLE}</pre>
        <button type="button" class="button subtle" onClick={copy}>
          {copied === 'yes' ? 'Copied' : 'Copy example'}
        </button>
      </div>
      {copied === 'failed' && <p class="muted small">The browser did not allow copying: select the example and copy it.</p>}
    </section>
  );
}
