/** The value stored under a user-chosen key (a node id, a profile name) in a plain record, or
 *  undefined: never one inherited from Object.prototype (`constructor`, `toString`), which a bare
 *  `record[key]` returns for ids and names people are free to choose (issue 13). */
export const own = <T>(record: Readonly<Record<string, T>> | undefined, key: string | null | undefined): T | undefined =>
  record !== undefined && key !== null && key !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;

/** A record keyed by user-chosen strings, with no prototype: `__proto__` and `constructor` are
 *  ordinary keys in it. */
export const userKeyed = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;
