// Console sessions (issue 13): which identities are signed in, how long each has left.
// session-time is zod-free (the banner's session script uses it); session-records is the model
// the background keeps.
export * from './session-time';
export * from './session-records';
export * from './session-marks';
