// Settings shown on the import page: the console banner and the sign-in form behaviour. A
// setting the organisation locked is shown at its value, disabled, and says who set it.
import { LOCKED_BY_ORGANISATION, type LockableSetting, type Settings } from '../core';
import { Notice } from '../ui/notice';
import { SessionLength } from './session-length';

interface Props {
  settings: Settings;
  problem?: string;
  /** Settings the organisation set (browser policy): not editable here. */
  locked?: readonly LockableSetting[];
  onChange: (patch: Partial<Settings>) => void;
}

function Check({ setting, label, hint, props }: { setting: LockableSetting; label: string; hint: string; props: Props }) {
  const locked = props.locked?.includes(setting) ?? false;
  return (
    <label class={`check${locked ? ' locked' : ''}`} data-setting={setting}>
      <input
        type="checkbox"
        checked={props.settings[setting]}
        disabled={locked}
        aria-describedby={locked ? `${setting}-locked` : undefined}
        onChange={(e) => props.onChange({ [setting]: (e.currentTarget as HTMLInputElement).checked })}
      />
      <span>
        {label}
        <span class="hint">{hint}</span>
        {locked && (
          <span class="locked-note" id={`${setting}-locked`}>
            {LOCKED_BY_ORGANISATION}
          </span>
        )}
      </span>
    </label>
  );
}

export function SettingsPanel(props: Props) {
  const { settings, problem, onChange } = props;
  return (
    <section class="card settings-card" aria-labelledby="settings-title">
      <div class="card-head">
        <h2 id="settings-title">Settings</h2>
        <span class="muted small">Saved at once, in sync storage</span>
      </div>
      {problem && <Notice tone="warning">{problem}</Notice>}
      <div class="settings-grid">
        <Check setting="bannerEnabled" label="Show the banner on console pages" hint="Production accounts always keep a banner." props={props} />
        <fieldset class="radio-group" disabled={!settings.bannerEnabled}>
          <legend>Banner position</legend>
          {(['top', 'bottom'] as const).map((position) => (
            <label class="radio" key={position}>
              <input type="radio" name="banner-position" value={position} checked={settings.bannerPosition === position} onChange={() => onChange({ bannerPosition: position })} />
              <span>{position === 'top' ? 'Top' : 'Bottom'}</span>
            </label>
          ))}
        </fieldset>
        <Check setting="titlePrefix" label="Prefix production tab titles with [PROD]" hint="So the tab strip shows which tabs can break things." props={props} />
        <Check setting="autoSubmitSwitchForm" label="Submit the pre-filled Switch Role form for me" hint="Only when the switch was started from this extension." props={props} />
        <SessionLength minutes={settings.sessionMinutes} onChange={(sessionMinutes) => onChange({ sessionMinutes })} />
        <fieldset class="radio-group">
          <legend>A switch from a page that is not the AWS console opens in</legend>
          {(['new-tab', 'this-tab'] as const).map((choice) => (
            <label class="radio" key={choice}>
              <input type="radio" name="other-tab-switch" value={choice} checked={settings.otherTabSwitch === choice} onChange={() => onChange({ otherTabSwitch: choice })} />
              <span>{choice === 'new-tab' ? 'A new tab' : 'That tab'}</span>
            </label>
          ))}
        </fieldset>
        <fieldset class="radio-group">
          <legend>The popup lists roles</legend>
          {(['grouped', 'config'] as const).map((order) => (
            <label class="radio" key={order}>
              <input type="radio" name="list-order" value={order} checked={settings.listOrder === order} onChange={() => onChange({ listOrder: order })} />
              <span>{order === 'grouped' ? 'By app and environment' : 'In config order'}</span>
            </label>
          ))}
        </fieldset>
        <label class="check">
          <input type="checkbox" checked={settings.density === 'compact'} onChange={(e) => onChange({ density: (e.currentTarget as HTMLInputElement).checked ? 'compact' : 'comfortable' })} />
          <span>
            Compact popup rows
            <span class="hint">One line per role, 16 or more in view.</span>
          </span>
        </label>
        <div class="pinned-setting">
          <span>
            {settings.favourites.length === 0 ? 'No pinned roles.' : `${settings.favourites.length} pinned ${settings.favourites.length === 1 ? 'role' : 'roles'}.`}
            <span class="hint">Pin roles with the star in the popup.</span>
          </span>
          {settings.favourites.length > 0 && (
            <button type="button" class="button subtle" onClick={() => onChange({ favourites: [] })}>
              Unpin all
            </button>
          )}
        </div>
      </div>
    </section>
  );
}
