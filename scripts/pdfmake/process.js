// The `process` that readable-stream (the browser's `stream`) uses: `nextTick` and an empty env.
export const process = {
  env: {},
  versions: {},
  browser: true,
  nextTick: (callback, ...args) => queueMicrotask(() => callback(...args)),
};
