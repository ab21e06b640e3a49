// What zod calls an object (not null, not an array), for the hand-written guards of the
// zod-free modules (the protocol's guards, the banner index, the console readers).
export const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
