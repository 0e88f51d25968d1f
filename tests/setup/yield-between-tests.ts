import { afterEach } from 'vitest';

/**
 * Give the event loop a turn after every test. Vitest's worker sends each test's result to the main process and
 * times the reply out after 60 s; the reply is read only when the loop turns, and between tests the runner awaits
 * promises only. A file of synchronous tests (facts over ten years of Fridays, PDF text read with execFileSync)
 * would hold the loop for its whole run, and on a slow machine the reply timed out ("Timeout calling
 * onTaskUpdate") though every test passed. A test that alone runs long breathes inside itself (helpers/breathe.ts).
 */
afterEach(() => new Promise<void>((resolve) => setImmediate(resolve)));
