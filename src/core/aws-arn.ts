// The shape every ARN shares, in one place: `arn:<partition>:<service>:<region>:<account>:<resource>`
// (docs/aws-facts.md §3 and §5), and the partitions that have a public console. The config's role
// ARNs (catalogue/arn.ts) and the principal ARNs a console page shows (console/console-identity.ts)
// are both read through here, then checked by their own rules. Tiny and free of imports but types:
// the content script uses it too.
import type { Partition } from './types';

/** The partitions with a public console, in the order messages list them. */
export const PARTITIONS: readonly Partition[] = ['aws', 'aws-us-gov', 'aws-cn', 'aws-eusc'];

export const isPartition = (value: string): value is Partition => PARTITIONS.includes(value as Partition);

export interface ArnParts {
  partition: string;
  service: string;
  region: string;
  account: string;
  /** Everything after the fifth colon: a resource may contain colons itself. */
  resource: string;
}

/** The six parts of an ARN, unchecked; null when it does not start with `arn:` or has fewer than five colons. */
export function splitArn(value: string): ArnParts | null {
  const parts = value.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return null;
  const [, partition, service, region, account] = parts as [string, string, string, string, string];
  return { partition, service, region, account, resource: parts.slice(5).join(':') };
}
