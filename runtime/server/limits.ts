// What a request body may describe, checked while it is read and before anything walks it. PROTOCOL.md
// states the same numbers; each refusal is a 4xx with a stable reason, never a stall.

/** Nesting of a JSON body (the envelope counts as one level), of a devalue payload's values, of a file placeholder's path. */
export const MAX_DEPTH = 64;
/** Values a devalue payload may describe once its shared references are spelled out, and the length of any array in it (sparse ones included). */
export const MAX_DEVALUE_NODES = 100_000;
export const MAX_ARRAY_LENGTH = 100_000;
