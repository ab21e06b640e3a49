import { groupEntries, type Groupable } from './grouping';
import type { Environment } from '../types';

function e(profile: string, app: string, env: Environment, envLabel: string = env): Groupable {
  return { profile, app, env, envLabel };
}

describe('groupEntries', () => {
  it('orders apps alphabetically with Other last, envs in the fixed order', () => {
    const groups = groupEntries([
      e('z-prod', 'zeta', 'production', 'prod'),
      e('misc', 'Other', 'other'),
      e('a-sbx', 'alpha', 'sandbox', 'sbx'),
      e('a-prod', 'alpha', 'production', 'prod'),
      e('a-other', 'alpha', 'other', 'build'),
      e('a-stg', 'alpha', 'staging', 'stg'),
      e('a-qa', 'alpha', 'test', 'qa'),
      e('a-dev', 'alpha', 'development', 'dev'),
      e('m-dev', 'Middle', 'development', 'dev'),
    ]);
    expect(groups.map((g) => g.app)).toEqual(['alpha', 'Middle', 'zeta', 'Other']);
    expect(groups[0]!.envs.map((g) => g.env)).toEqual(['development', 'test', 'staging', 'production', 'sandbox', 'other']);
    expect(groups[0]!.envs.map((g) => g.envLabel)).toEqual(['dev', 'qa', 'stg', 'prod', 'sbx', 'build']);
  });

  it('groups apps case-insensitively, showing the first spelling', () => {
    const groups = groupEntries([e('Surf-Dev', 'Surf', 'development', 'dev'), e('surf-prod', 'surf', 'production', 'prod')]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.app).toBe('Surf');
  });

  it('keeps differently written labels of one env apart, canonical word first', () => {
    const groups = groupEntries([e('p-uat', 'pay', 'test', 'uat'), e('p-test', 'pay', 'test', 'test'), e('p-qa', 'pay', 'test', 'qa')]);
    expect(groups[0]!.envs.map((g) => g.envLabel)).toEqual(['test', 'qa', 'uat']);
  });

  it('puts the generic "other" label after named other labels', () => {
    const groups = groupEntries([e('x', 'app', 'other', 'other'), e('y', 'app', 'other', 'ops'), e('z', 'app', 'other', 'build')]);
    expect(groups[0]!.envs.map((g) => g.envLabel)).toEqual(['build', 'ops', 'other']);
  });

  it('sorts entries within a group naturally (numbers by value), keeping every entry', () => {
    const input = [e('role10', 'a', 'test'), e('role2', 'a', 'test'), e('Role1', 'a', 'test')];
    const groups = groupEntries(input);
    expect(groups[0]!.envs[0]!.entries.map((x) => x.profile)).toEqual(['Role1', 'role2', 'role10']);
    expect(input.map((x) => x.profile)).toEqual(['role10', 'role2', 'Role1']); // input untouched
  });

  it('the seed example gives alfie: development, qa, production', () => {
    const groups = groupEntries([
      e('alfie-production', 'alfie', 'production', 'production'),
      e('alfie-qa', 'alfie', 'test', 'qa'),
      e('alfie-development', 'alfie', 'development', 'development'),
    ]);
    expect(groups.map((g) => [g.app, g.envs.map((x) => x.envLabel)])).toEqual([['alfie', ['development', 'qa', 'production']]]);
  });

  it('handles an empty list and 5,000 entries', () => {
    expect(groupEntries([])).toEqual([]);
    const many = Array.from({ length: 5000 }, (_, i) => e(`app${i % 50}-role${i}`, `app${i % 50}`, (['development', 'test', 'production'] as const)[i % 3]!));
    const groups = groupEntries(many);
    expect(groups).toHaveLength(50);
    expect(groups.reduce((n, g) => n + g.envs.reduce((m, x) => m + x.entries.length, 0), 0)).toBe(5000);
  });
});
