// What a switch says when it does not simply go: the question before signing a session out again
// or opening a sixth (focus on "Switch anyway": Enter confirms, Esc cancels) and the failure, as an alert.
import { useEffect, useRef } from 'preact/hooks';
import { Notice } from '../ui/notice';

export function ConfirmBar({ message, title, onConfirm, onCancel }: { message: string; title: string; onConfirm(): void; onCancel(): void }) {
  const confirmButton = useRef<HTMLButtonElement>(null);
  // The question takes focus, so Enter confirms and Esc cancels without reaching for the mouse.
  useEffect(() => confirmButton.current?.focus(), [message]);
  return (
    <div class="confirm-bar" role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-text">
      <p id="confirm-title" class="confirm-title">
        {title}
      </p>
      <p id="confirm-text" class="confirm-text">
        {message}
      </p>
      <div class="confirm-actions">
        <button type="button" ref={confirmButton} class="button warning" onClick={onConfirm}>
          Switch anyway
        </button>
        <button type="button" class="button" onClick={onCancel}>
          Cancel
        </button>
        <span class="confirm-keys" aria-hidden="true">
          Enter switch · Esc cancel
        </span>
      </div>
    </div>
  );
}

export function SwitchFailed({ message }: { message: string }) {
  return (
    <div class="switch-failed">
      <Notice tone="error" title="Not switched">
        {message}
      </Notice>
    </div>
  );
}
