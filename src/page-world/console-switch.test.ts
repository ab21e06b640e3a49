// The functions the background runs in the console page's own world, run here in a fixture page
// (jsdom, with the page's scripts) the way the browser runs them: serialised, with the page's
// globals only.
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { classicSwitchFields } from '../core/console/switch-request';
import { mainWorldClassicSwitch } from './console-switch';

const FIXTURES = path.resolve(__dirname, '../../test/fixtures/console');

function load(name: string): JSDOM {
  const html = fs.readFileSync(path.join(FIXTURES, name), 'utf8');
  const url = /Served at: (\S+)/.exec(html)![1]!;
  return new JSDOM(html, { url, runScripts: 'dangerously' });
}

describe('the classic switch in the page\'s world', () => {
  const target = {
    account: '123456789012',
    roleName: 'team/ops/Admin',
    displayName: 'x'.repeat(80),
    color: 'b0081a',
    redirectUri: 'https://345678901234-abcd1234.us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#Instances:',
  };

  test('the main-world classic switch takes the token from AWSC.Auth.getMbtc() and submits a top-level POST', () => {
    jest.useFakeTimers();
    try {
      const dom = load('classic-switched-role.html');
      const win = dom.window as unknown as Window & typeof globalThis;
      const submitted: HTMLFormElement[] = [];
      win.HTMLFormElement.prototype.submit = function (this: HTMLFormElement) {
        submitted.push(this);
      };
      // The function is serialised into the page; run it with the page's globals.
      const run = new win.Function('action', 'fields', `return (${mainWorldClassicSwitch.toString()})(action, fields);`) as (
        a: string,
        f: Record<string, string>,
      ) => unknown;
      const result = run('https://signin.aws.amazon.com/switchrole', classicSwitchFields(target));
      expect(result).toEqual({ ok: true });
      expect(submitted).toHaveLength(0); // submitted one task later, after the result went back
      jest.runAllTimers();
      expect(submitted).toHaveLength(1);
      const form = submitted[0]!;
      expect(form.method).toBe('post');
      expect(form.action).toBe('https://signin.aws.amazon.com/switchrole');
      expect(form.target).toBe('_top');
      const fields = Object.fromEntries(Array.from(form.elements as unknown as HTMLInputElement[]).map((i) => [i.name, i.value]));
      expect(fields).toMatchObject({ action: 'switchFromBasis', csrf: 'fixture-csrf-token-0123456789', roleName: 'team/ops/Admin' });
    } finally {
      jest.useRealTimers();
    }
  });

  test('without the page token the main-world switch does nothing and says so', () => {
    const dom = load('multi-session.html'); // no AWSC on this page
    const win = dom.window as unknown as Window & typeof globalThis;
    const run = new win.Function('action', 'fields', `return (${mainWorldClassicSwitch.toString()})(action, fields);`) as (
      a: string,
      f: Record<string, string>,
    ) => unknown;
    expect(run('https://signin.aws.amazon.com/switchrole', {})).toEqual({ ok: false, reason: 'no-token' });
    expect(dom.window.document.querySelector('form[action*="switchrole"]')).toBeNull();
  });

});
