/** One turn of the event loop, for a long synchronous loop inside a test (see setup/yield-between-tests.ts). */
export const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
