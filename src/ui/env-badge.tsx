// The environment of a role, in its colour, and in words: production says "PROD" in text
// because colour alone is not enough (colour blindness, themes, screenshots).
import type { CatalogueEntry } from '../core';
import { textColourFor } from '../core/contrast';

export function EnvBadge({ entry }: { entry: Pick<CatalogueEntry, 'envLabel' | 'env' | 'isProduction' | 'color'> }) {
  // "PROD" already says production: a second badge only when the user's label says more ("live", "prod-eu").
  const sameAsProd = entry.isProduction && /^(prod|production)$/i.test(entry.envLabel.trim());
  return (
    <span class="env-badge-group">
      {entry.isProduction && <span class="prod-label">PROD</span>}
      {!sameAsProd && (
        <span class="env-badge" style={{ background: entry.color, color: textColourFor(entry.color) }}>
          {entry.envLabel}
        </span>
      )}
    </span>
  );
}
