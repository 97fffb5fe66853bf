/** Whether every file of dist/ is newer than everything it is made from. */
export function upToDate(): boolean;
/** The four steps of `npm run compile`. */
export function compile(): void;
/** Compiles when stale; returns whether it did. */
export function compileIfStale(): boolean;
