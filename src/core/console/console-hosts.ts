// Which hosts are AWS consoles and sign-in hosts, and of which partition (docs/aws-facts.md §1.4).
// Pure and zod-free: the content script uses it.
import { PARTITIONS } from '../aws-arn';
import type { Partition } from '../types';

/** The domain of each partition: consoles at `*.console.<domain>`, sign-in at `signin.<domain>`. */
const DOMAINS: Readonly<Record<Partition, string>> = {
  aws: 'aws.amazon.com',
  'aws-us-gov': 'amazonaws-us-gov.com',
  'aws-cn': 'amazonaws.cn',
  'aws-eusc': 'amazonaws-eusc.eu',
};
/** Console hosts outside `*.console.<domain>`. */
const OTHER_CONSOLE_HOSTS = ['health.aws.amazon.com', 'phd.aws.amazon.com', 'phd.amazonaws-us-gov.com', 'health.amazonaws.cn'];

/** `us-east-1`, `us-gov-west-1`, `eusc-de-east-1`, as a page writes a region. */
export const REGION = /^(?:[a-z]{2}|eusc)(?:-[a-z]+)+-\d{1,2}$/;

/** The partition of an AWS console host, or null when the host is not a console host. */
export function consolePartition(hostname: string): Partition | null {
  const host = `.${hostname.toLowerCase()}`;
  const other = OTHER_CONSOLE_HOSTS.includes(host.slice(1));
  return PARTITIONS.find((p) => host.endsWith(`.console.${DOMAINS[p]}`) || (other && host.endsWith(`.${DOMAINS[p]}`))) ?? null;
}

/**
 * The partition's sign-in host for switching (`signin.aws.amazon.com`, ...). The European
 * Sovereign Cloud has only regional ones (`eusc-de-east-1.signin.amazonaws-eusc.eu`, see
 * SIGN_IN_HOSTS in catalogue/links.ts for the evidence): there the region is part of the host.
 */
export function signInHost(partition: Partition, region?: string): string {
  if (partition !== 'aws-eusc') return `signin.${DOMAINS[partition]}`;
  return `${region && region.startsWith('eusc-') && REGION.test(region) ? region : 'eusc-de-east-1'}.signin.${DOMAINS[partition]}`;
}

/** A sign-in endpoint a page claims is only used when it is the partition's sign-in host or a regional one. */
export function isSignInHostOf(host: string, partition: Partition): boolean {
  const base = `signin.${DOMAINS[partition]}`;
  // No bare host in the European Sovereign Cloud: switching there fails.
  if (host === base) return partition !== 'aws-eusc';
  return host.endsWith(`.${base}`) && REGION.test(host.slice(0, -base.length - 1));
}
