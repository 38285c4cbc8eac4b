// The fuzz harness's watchdog (issue 13, bullet 4: "never a hang"): a case that loops forever in the
// worker is reported as hung after the watchdog, the worker is replaced, and the next case runs.
// The loop runs in loop-worker.mjs, never in the analysis; this test's own thread stays free, so if
// the watchdog failed, vitest's timeout would fail the test instead of freezing the run.
import { afterAll, expect, it } from 'vitest';
import { CaseRunner } from './harness';

const runner = new CaseRunner(new URL('./loop-worker.mjs', import.meta.url), 500);
afterAll(() => runner.close());

it('a synchronous hang is reported after the watchdog and the next case still runs', async () => {
  expect(await runner.run({ text: 'ok' })).toMatchObject({ hung: false, outcome: { outputChars: 2 } });
  const hung = await runner.run({ text: 'loop' });
  expect(hung.hung).toBe(true);
  expect(hung.hung && hung.waitedMs).toBeGreaterThanOrEqual(490);
  expect(runner.restarts).toBe(1);
  expect(await runner.run({ text: 'after' })).toMatchObject({ hung: false, outcome: { outputChars: 5 } });
}, 20_000);
