// Names AWS gives things, in one place: account IDs and aliases (docs/aws-facts.md §5), and
// the reserved role an Identity Center permission set signs in as (§2). Tiny and free of
// imports: the content script uses it too.

/** Exactly 12 ASCII digits (kept as a string: leading zeros matter). */
export function isAccountId(value: string): boolean {
  if (value.length !== 12) return false;
  for (let i = 0; i < 12; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** An account ID as the console shows it, with or without dashes (`1234-5678-9012`); groups: its three parts. */
export const SHOWN_ACCOUNT_ID = /^(\d{4})-?(\d{4})-?(\d{4})$/;

/** An IAM account alias: 3–63 of `[a-z0-9-]`, no leading, trailing or double hyphen. Never 12 digits. */
export function isAccountAlias(value: string): boolean {
  return /^[a-z0-9](?:[a-z0-9]|-(?!-)){1,61}[a-z0-9]$/.test(value) && !isAccountId(value);
}

/** `123456789012` → `1234-5678-9012` (the console's own spelling). Anything else is returned unchanged. */
export function formatAccountId(accountId: string): string {
  return isAccountId(accountId) ? `${accountId.slice(0, 4)}-${accountId.slice(4, 8)}-${accountId.slice(8)}` : accountId;
}

/**
 * `AWSReservedSSO_<set>_<16 hex>` → `<set>` (which may itself contain `_`), with or without its
 * path (`aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_…`); null for any other role name.
 */
export function permissionSetOf(roleName: string): string | null {
  const name = roleName.slice(roleName.lastIndexOf('/') + 1);
  return /^AWSReservedSSO_(.+)_[0-9a-f]{16}$/.exec(name)?.[1] ?? null;
}
