// A page whose strongest source is unusable for a reason of its own but names another account
// than the header: read by the real readers, judged, matched (see
// src/core/console/disputed-accounts.test.ts). Pages are written here, small, after the
// structures of docs/aws-facts.md §3.1.
import { JSDOM } from 'jsdom';
import { bannerModel } from '../core/console/banner-model';
import { combineIdentity } from '../core/console/console-identity';
import { matchIdentity } from '../core/console/identity-match';
import { ALFIE_DEV, ALFIE_PROD, BANNER_SETTINGS } from '../../test/fixtures/alfie-entries';
import { readIdentitySources } from './console-internals';

const settings = BANNER_SETTINGS;
const PROD = ALFIE_PROD;
const DEV = ALFIE_DEV;

function bannerFor(head: string, body: string) {
  const dom = new JSDOM(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, { url: 'https://us-east-1.console.aws.amazon.com/console/home' });
  const host = dom.window.location.hostname;
  const identity = combineIdentity(readIdentitySources(dom.window.document, host), host);
  return { identity, model: bannerModel(identity, matchIdentity(identity, [PROD, DEV]), settings) };
}

test('session data in the head names the PRODUCTION account (a federated-user session ARN); the header\'s account menu names a dev account: not a confident DEV banner', () => {
  const meta = JSON.stringify({ accountId: '123456789012', sessionARN: 'arn:aws:sts::123456789012:federated-user/alice', signInEndpoint: 'signin.aws.amazon.com' });
  const head = `<meta name="awsc-session-data" content='${meta}'>`;
  const body = `<header id="awsc-nav-header"><div data-testid="account-detail-menu"><div><span>Account ID: </span><span>3456-7890-1234</span><button data-testid="awsc-copy-accountid"></button></div></div></header>`;
  const { identity, model } = bannerFor(head, body);
  // The session data is unusable (its ARN is not a principal ARN) but its production account
  // still counts: the account menu does not decide alone.
  expect(identity.sources?.[0]).toMatchObject({ source: 'session-data', account: '1234-5678-9012' });
  expect(identity.accountId).toBeNull();
  expect(model.isProduction).toBe(true);
  expect(model.badge?.text).not.toBe('DEV');
});
