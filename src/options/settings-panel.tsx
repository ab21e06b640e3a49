// Settings shown on the import page: the console banner and the sign-in form behaviour.
import type { Settings } from '../core';
import { Notice } from '../ui/notice';

export function SettingsPanel({ settings, problem, onChange }: { settings: Settings; problem?: string; onChange: (patch: Partial<Settings>) => void }) {
  return (
    <section class="card settings-card" aria-labelledby="settings-title">
      <div class="card-head">
        <h2 id="settings-title">Settings</h2>
        <span class="muted small">Saved at once, in sync storage</span>
      </div>
      {problem && <Notice tone="warning">{problem}</Notice>}
      <div class="settings-grid">
        <label class="check">
          <input type="checkbox" checked={settings.bannerEnabled} onChange={(e) => onChange({ bannerEnabled: (e.currentTarget as HTMLInputElement).checked })} />
          <span>
            Show the banner on console pages
            <span class="hint">Production accounts always keep a banner.</span>
          </span>
        </label>
        <fieldset class="radio-group" disabled={!settings.bannerEnabled}>
          <legend>Banner position</legend>
          {(['top', 'bottom'] as const).map((position) => (
            <label class="radio" key={position}>
              <input type="radio" name="banner-position" value={position} checked={settings.bannerPosition === position} onChange={() => onChange({ bannerPosition: position })} />
              <span>{position === 'top' ? 'Top' : 'Bottom'}</span>
            </label>
          ))}
        </fieldset>
        <label class="check">
          <input type="checkbox" checked={settings.titlePrefix} onChange={(e) => onChange({ titlePrefix: (e.currentTarget as HTMLInputElement).checked })} />
          <span>
            Prefix production tab titles with [PROD]
            <span class="hint">So the tab strip shows which tabs can break things.</span>
          </span>
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={settings.autoSubmitSwitchForm}
            onChange={(e) => onChange({ autoSubmitSwitchForm: (e.currentTarget as HTMLInputElement).checked })}
          />
          <span>
            Submit the pre-filled Switch Role form for me
            <span class="hint">Only when the switch was started from this extension.</span>
          </span>
        </label>
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
