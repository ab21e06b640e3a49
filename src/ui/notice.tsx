// A message box for problems and results. Text only: messages may quote profile names.
import type { ComponentChildren } from 'preact';

export type NoticeTone = 'info' | 'success' | 'warning' | 'error';

export function Notice({ tone, title, children, id }: { tone: NoticeTone; title?: string; children?: ComponentChildren; id?: string }) {
  return (
    <div class={`notice notice-${tone}`} role={tone === 'error' || tone === 'warning' ? 'alert' : 'status'} id={id}>
      <span class="notice-icon" aria-hidden="true">
        {tone === 'success' ? '✓' : tone === 'info' ? 'i' : '!'}
      </span>
      <div class="notice-body">
        {title && <strong class="notice-title">{title}</strong>}
        {children && <div class="notice-text">{children}</div>}
      </div>
    </div>
  );
}
