// The organisation's catalogue and settings, set by browser policy (issue 14; docs/aws-facts.md §8,
// docs/administrators.md): the managed values read and checked (policy-values.ts), the
// organisation's entries merged with the user's own (merge-catalogues.ts), and the settings in
// force (effective-settings.ts). Reading storage.managed is src/platform/policy-store.ts.
export * from './policy-values';
export * from './merge-catalogues';
export * from './effective-settings';
export * from './account-entries';
export * from './organisation-view';
