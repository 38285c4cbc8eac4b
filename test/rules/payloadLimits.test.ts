import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/analyze';
import { perform } from '../../core/commands';
import { parseDesign } from '../../core/model';
import { EDGE_KINDS } from '../../core/model/edges';
import { lambdaProps } from '../../core/model/kinds/lambda';
import { PAYLOAD_LIMITS_KB } from '../../core/model/limits';
import { fieldsOf } from '../../renderer/schemaFields';

/**
 * Issue 14, bullet 1: the model states the largest request and response of a path into a function (edge
 * maxRequestKb / maxResponseKb) and of a function's response (lambda maxResponseKb, responseStreaming);
 * INV-04 checks them against each path's limit. The per-path fail/pass fixtures are INV-04.*.design.json.
 */
const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/rules/${name}.design.json`, import.meta.url), 'utf8')) as {
  nodes: { id: string; props?: Record<string, unknown> }[];
  edges: { id: string; props?: Record<string, unknown> }[];
  usage?: unknown;
};

function load(design: unknown) {
  const r = parseDesign(JSON.stringify(design));
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path} ${p.message}`).join('; '));
  return r;
}
const inv = (design: unknown, id: string) => analyze(load(design).design).findings.filter((f) => f.ruleId === id);

describe('INV-04 payload limits per invocation path', () => {
  it('uses AWS current figures: 6 MB sync, 1 MB async (not 256 KB), 200 MB streamed (not 20 MB)', () => {
    expect(PAYLOAD_LIMITS_KB).toMatchObject({ sync: 6144, async: 1024, streamedResponse: 204800, albRequest: 1024, albResponse: 1024, apiGateway: 10240, webSocketMessage: 128 });
  });

  it('moves the limit with the path: the same 2 MB request passes a synchronous invoke and fails an asynchronous one', () => {
    const d = fixture('INV-04.pass.sync-request-at-limit');
    d.edges[0].props = { mode: 'sync', maxRequestKb: 2048 };
    expect(inv(d, 'INV-04')).toEqual([]);
    d.edges[0].props = { mode: 'async', maxRequestKb: 2048 };
    expect(inv(d, 'INV-04').map((f) => f.message)).toEqual([expect.stringContaining('limit of an asynchronous invocation')]);
  });

  it('turning response streaming on lifts a 50 MB response from 6 MB to 200 MB, and the fix says how', () => {
    const d = fixture('INV-04.pass.streamed-over-6mb');
    expect(inv(d, 'INV-04')).toEqual([]);
    delete d.nodes[1].props!.responseStreaming;
    const [finding] = inv(d, 'INV-04');
    expect(finding.message).toContain('limit of a synchronous (buffered) response');
    expect(finding.fix).toContain('RESPONSE_STREAM');
  });

  it('a response declared on the path wins over the function\'s own', () => {
    const d = fixture('INV-04.pass.api-at-limits');
    d.edges[0].props!.maxResponseKb = 7000;
    const found = inv(d, 'INV-04');
    expect(found.map((f) => [f.target.id, f.message.includes('on this path')])).toEqual([['e-api', true]]);
  });

  it('reports a function\'s response once per limit, not once per route', () => {
    const d = fixture('INV-04.fail.api-response');
    d.nodes[1].props = { maxResponseKb: 7000 };
    delete d.edges[0].props!.maxResponseKb;
    d.edges.push({ ...structuredClone(d.edges[0]), id: 'e-api-2', props: { method: 'GET', path: '/report' } });
    expect(inv(d, 'INV-04')).toHaveLength(1);
  });

  it('an ALB request body declared on the edge is one finding (INV-04), not also INV-03 from the average', () => {
    const d = fixture('INV-04.fail.alb-request');
    d.usage = { profiles: { peak: { nodes: { 'alb-web': { requestsPerMonth: 1000, avgPayloadKb: 2048 } } } }, active: 'peak' };
    expect(inv(d, 'INV-04')).toHaveLength(1);
    expect(inv(d, 'INV-03')).toEqual([]);
    delete d.edges[0].props!.maxRequestKb;
    expect(inv(d, 'INV-03')).toHaveLength(1); // the average alone is still INV-03's
    expect(inv(d, 'INV-04')).toEqual([]);
  });

  it('loads a size beyond 1 GiB as a range problem naming where, and analyses it clamped', () => {
    const d = fixture('INV-04.pass.sync-request-at-limit');
    d.edges[0].props!.maxRequestKb = 5e9;
    const r = load(d);
    expect(r.problems).toContainEqual(expect.objectContaining({ code: 'range', path: expect.stringContaining('maxRequestKb') }));
    expect(inv(d, 'INV-04')).toHaveLength(1);
  });

  it('refuses a size that is not a number, naming the field', () => {
    const d = fixture('INV-04.pass.sync-request-at-limit');
    d.nodes[1].props = { maxResponseKb: 'big' };
    const r = parseDesign(JSON.stringify(d));
    expect(r.problems.map((p) => p.path).join(' ')).toContain('maxResponseKb');
  });

  it('the user states the sizes in the inspector (a core command each) and the finding follows', () => {
    const labels = (fields: { key: string; label: string }[]) => Object.fromEntries(fields.map((f) => [f.key, f.label]));
    expect(labels(fieldsOf(EDGE_KINDS.invoke.props))).toMatchObject({ maxRequestKb: 'Max request (KB)', maxResponseKb: 'Max response (KB)' });
    expect(labels(fieldsOf(EDGE_KINDS.trigger.props))).toMatchObject({ maxRequestKb: 'Max request (KB)', maxResponseKb: 'Max response (KB)' });
    expect(labels(fieldsOf(lambdaProps))).toMatchObject({ maxResponseKb: 'Max response (KB)', responseStreaming: 'Response streaming' });

    const design = load(fixture('INV-04.pass.sync-response-at-limit')).design;
    const bigger = perform(design, { type: 'setProp', nodeId: 'fn-render', path: ['maxResponseKb'], value: 9000 });
    expect(bigger.refused).toBeUndefined();
    expect(analyze(bigger.design).findings.filter((f) => f.ruleId === 'INV-04')).toHaveLength(1);
    const streamed = perform(bigger.design, { type: 'setProp', nodeId: 'fn-render', path: ['responseStreaming'], value: true });
    expect(analyze(streamed.design).findings.filter((f) => f.ruleId === 'INV-04')).toEqual([]);
    const request = perform(design, { type: 'setEdgeProp', edgeId: 'e-call', path: ['maxRequestKb'], value: 6145 });
    expect(analyze(request.design).findings.filter((f) => f.ruleId === 'INV-04').map((f) => f.target.id)).toEqual(['e-call']);
    expect(perform(design, { type: 'setEdgeProp', edgeId: 'e-call', path: ['maxRequestKb'], value: 'big' }).refused).toMatch(/maxRequestKb/);
  });
});
