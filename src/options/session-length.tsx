// The console session length setting (issue 13 §2): how long a console session the extension
// starts lasts unless the profile says (`console_session_minutes`). One hour is the console's
// default for a switched role (docs/aws-facts.md §7). A value outside 15–720 minutes is said
// and not saved: the stored setting stays as it was.
import { useEffect, useState } from 'preact/hooks';
import { isSessionMinutes, MAX_SESSION_MINUTES, MIN_SESSION_MINUTES } from '../core';

export function SessionLength({ minutes, onChange }: { minutes: number; onChange: (minutes: number) => void }) {
  const [draft, setDraft] = useState(String(minutes));
  // Changed elsewhere (another page, a sync): show what is stored.
  useEffect(() => setDraft(String(minutes)), [minutes]);
  const value = draft.trim() === '' ? NaN : Number(draft);
  const valid = isSessionMinutes(value);
  return (
    <label class="number-setting">
      <span>
        Console session length
        <span class="hint">
          For the countdown on the banner of sessions this extension starts. A profile's <code>console_session_minutes</code> overrides it.
        </span>
      </span>
      <span>
        <input
          type="number"
          min={MIN_SESSION_MINUTES}
          max={MAX_SESSION_MINUTES}
          step={1}
          aria-label="Console session length in minutes"
          value={draft}
          aria-invalid={!valid}
          aria-describedby={valid ? undefined : 'session-length-error'}
          onInput={(e) => {
            const text = (e.currentTarget as HTMLInputElement).value;
            setDraft(text);
            const next = Number(text);
            if (text.trim() !== '' && isSessionMinutes(next) && next !== minutes) onChange(next);
          }}
        />
        <span>minutes</span>
      </span>
      {!valid && (
        <span id="session-length-error" class="field-error" role="alert">
          A whole number of minutes from {MIN_SESSION_MINUTES} to {MAX_SESSION_MINUTES}; {minutes} is kept.
        </span>
      )}
    </label>
  );
}
