import type { DesignEdge, DesignNode, EdgeOfKind, NodeOfKind } from '../../model/design';
import { PAYLOAD_LIMITS_KB as LIMIT } from '../../model/limits';
import type { InvocationModel } from '../../semantics';
import { defineRule, type RuleContext, type RuleFinding } from '../types';
import { limitText, num, payloadOf, type Payload } from './support';

/** What a path into a function lets through: the request (event, record) and, on a synchronous path,
 *  the response the caller waits for — each with the words that name the limit. Figures and their AWS
 *  pages: core/model/limits.ts PAYLOAD_LIMITS_KB. */
interface PathLimits { request: number; requestIs: string; response?: number; responseIs?: string; streams?: boolean }

const SYNC_REQUEST = 'limit of a synchronous invocation';
const SYNC_RESPONSE = 'limit of a synchronous (buffered) response';

function limitsOf(edge: DesignEdge, model: InvocationModel, source: DesignNode, fn: NodeOfKind<'lambda'>): PathLimits | undefined {
  if (source.kind === 'cloudfront') return undefined; // Lambda@Edge has its own, smaller limits
  if (source.kind === 'alb') return { request: LIMIT.albRequest, requestIs: 'request body an Application Load Balancer passes to a Lambda target', response: LIMIT.albResponse, responseIs: 'response JSON an Application Load Balancer takes from a Lambda target' };
  if (source.kind === 'apiGateway') {
    if (source.props.apiType === 'websocket') return { request: LIMIT.webSocketMessage, requestIs: 'message payload of a WebSocket API', response: LIMIT.webSocketMessage, responseIs: 'message payload of a WebSocket API' };
    const api = `API Gateway itself takes up to ${num(LIMIT.apiGateway / 1024)} MB, Lambda less`;
    return { request: LIMIT.sync, requestIs: `${SYNC_REQUEST} (${api})`, response: LIMIT.sync, responseIs: `${SYNC_RESPONSE} (${api})` };
  }
  if (model === 'async') return { request: LIMIT.async, requestIs: 'limit of an asynchronous invocation' };
  if (model === 'poll') return source.kind === 'sqsQueue' ? { request: LIMIT.sqsMessage, requestIs: 'an SQS message can hold' } : { request: LIMIT.sync, requestIs: SYNC_REQUEST };
  // A caller that invokes the function and waits: it may stream the response (InvokeWithResponseStream).
  const streams = edge.kind === 'invoke' && fn.props.responseStreaming === true;
  return { request: LIMIT.sync, requestIs: SYNC_REQUEST, response: streams ? LIMIT.streamedResponse : LIMIT.sync, responseIs: streams ? 'limit of a streamed response' : SYNC_RESPONSE, streams };
}

const WORDS: Record<InvocationModel, string> = { poll: 'Records', sync: 'Requests', async: 'Events' };

/** The request side: the size declared on the edge (the largest), else the usage profile's average. */
function request(ctx: RuleContext, edge: DesignEdge, model: InvocationModel, source: DesignNode, fn: NodeOfKind<'lambda'>, path: PathLimits): { found: RuleFinding[]; key: string } {
  const declared = (edge.props as { maxRequestKb?: number }).maxRequestKb;
  // An ALB's average request body is INV-03's; a declared largest one is checked here.
  const payload: Payload | undefined = declared !== undefined ? { kb: declared, at: 'record', node: source } : source.kind === 'alb' ? undefined : payloadOf(ctx, edge);
  if (!payload) return { found: [], key: '' };
  const size = declared !== undefined ? `can be up to ${num(declared)} KB` : `average ${num(payload.kb)} KB`;
  const what = `${payload.at === 'event' ? `Events to "${fn.name}"` : `${WORDS[model]} from "${source.name}"`} ${size}`;
  // A size entered at the function is the same on all its triggers: one finding per limit.
  const key = payload.at === 'event' ? `${fn.id} ${model === 'async'}` : edge.id;
  const limit = payload.at === 'event' && model !== 'async' ? LIMIT.sync : path.request;
  const limitIs = payload.at === 'event' && model !== 'async' ? SYNC_REQUEST : path.requestIs;
  if (payload.kb > limit) {
    return { key, found: [{
      target: edge,
      message: `${what}, above the ${limitText(limit)} ${limitIs}: they are rejected and "${fn.name}" never sees them.`,
      fix: `Keep the payload under ${limit >= 1024 ? `${num(limit / 1024)} MB` : `${num(limit)} KB`}: store large bodies in S3 and pass only the object key to "${fn.name}".`,
    }] };
  }
  // An event source mapping cuts a batch at 6 MB, whatever its batch size (averages only: a declared
  // largest record says nothing about a typical batch).
  if (model !== 'poll' || declared !== undefined || payload.at === 'event' || edge.kind !== 'trigger') return { key, found: [] };
  const { batchSize } = ctx.trigger(edge as EdgeOfKind<'trigger'>);
  const fits = Math.floor(LIMIT.sync / Math.max(payload.kb, 1e-9));
  if (fits >= batchSize) return { key, found: [] };
  return { key, found: [{
    target: edge,
    severity: 'warning',
    message: `${what}, so a batch of ${num(batchSize)} would be about ${num((batchSize * payload.kb) / 1024)} MB: Lambda cuts each batch at ${limitText(LIMIT.sync)}, about ${num(fits)} records, and the batch size of ${num(batchSize)} is never reached.`,
    fix: `Lower the batch size of "${source.name}" → "${fn.name}" to ${num(Math.max(fits, 1))} or less, or send smaller records (large bodies in S3, only the key in the record).`,
  }] };
}

function responseFix(fn: NodeOfKind<'lambda'>, limit: number, path: PathLimits | undefined): string {
  if (limit === LIMIT.streamedResponse) return `Have "${fn.name}" put responses over ${num(limit / 1024)} MB in S3 and return a presigned URL instead of the body.`;
  if (limit === LIMIT.webSocketMessage) return `Send the result of "${fn.name}" as several messages of at most ${num(limit)} KB (post them to the connection), or put it in S3 and return a presigned URL.`;
  const stream = `; to return up to ${num(LIMIT.streamedResponse / 1024)} MB, stream it — a function URL in RESPONSE_STREAM mode, or callers using InvokeWithResponseStream${path && !path.streams ? ' instead of this path' : ''}`;
  return `Return less from "${fn.name}" (paginate or compress), or put the body in S3 and return a presigned URL${stream}.`;
}

export default defineRule({
  id: 'INV-04',
  title: 'Invocation payload limits',
  severity: 'error',
  category: 'invocation',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/API_Invoke.html',
  appliesTo: ['trigger', 'invoke', 'lambda'],
  why: `Each path into a function has its own payload limit, and a larger request or response is refused. Lambda: "For synchronous invocations, the maximum payload size is 6 MB. For asynchronous invocations, the maximum payload size is 1 MB" (raised from 256 KB in 2025), for the request and the buffered response; a streamed response (function URL in RESPONSE_STREAM mode, InvokeWithResponseStream) may be up to ${num(LIMIT.streamedResponse / 1024)} MB. An Application Load Balancer passes at most 1 MB of request body to a Lambda target and takes at most 1 MB back; API Gateway REST and HTTP APIs take ${num(LIMIT.apiGateway / 1024)} MB, but Lambda's 6 MB binds their Lambda integrations, and a WebSocket message is at most ${LIMIT.webSocketMessage} KB. SQS messages are capped at 1 MB, and an event source mapping passes a batch in one synchronous call, so a batch is cut at 6 MB whatever its batch size. Sizes come from the largest payloads declared on the edge (maxRequestKb, maxResponseKb) or the function (maxResponseKb, responseStreaming), else the usage profile's averages.`,
  check(ctx) {
    const reported = new Set<string>();
    const found: RuleFinding[] = [];
    for (const edge of ctx.design.edges) {
      const model = ctx.invocation(edge);
      const source = ctx.index.node(edge.from);
      const fn = ctx.index.node(edge.to);
      if (!model || !source || fn?.kind !== 'lambda') continue;
      const path = limitsOf(edge, model, source, fn);
      if (!path) continue;
      const req = request(ctx, edge, model, source, fn, path);
      if (req.found.length && !reported.has(req.key)) {
        reported.add(req.key);
        found.push(...req.found);
      }
      // The response the caller waits for: declared on this path, else the function's own.
      const onPath = (edge.props as { maxResponseKb?: number }).maxResponseKb;
      const kb = onPath ?? fn.props.maxResponseKb;
      if (kb === undefined || path.response === undefined || kb <= path.response) continue;
      const key = onPath === undefined ? `${fn.id} response ${path.response}` : `${edge.id} response`;
      if (reported.has(key)) continue;
      reported.add(key);
      if (onPath === undefined) reported.add(`${fn.id} response`);
      found.push({
        target: edge,
        message: `"${fn.name}" returns up to ${num(kb)} KB to "${source.name}"${onPath === undefined ? '' : ' on this path'}, above the ${limitText(path.response)} ${path.responseIs}: the caller gets an error instead of the response.`,
        fix: responseFix(fn, path.response, path),
      });
    }
    // A function's own response, where no path above already reported it: buffered 6 MB, streamed 200 MB.
    for (const fn of ctx.index.ofKind('lambda')) {
      const kb = fn.props.maxResponseKb;
      const limit = fn.props.responseStreaming ? LIMIT.streamedResponse : LIMIT.sync;
      if (kb === undefined || kb <= limit || reported.has(`${fn.id} response`)) continue;
      found.push({
        target: fn,
        message: `"${fn.name}" returns up to ${num(kb)} KB, above the ${limitText(limit)} ${fn.props.responseStreaming ? 'limit of a streamed response' : SYNC_RESPONSE}: the invocation fails instead of returning it.`,
        fix: responseFix(fn, limit, undefined),
      });
    }
    return found;
  },
});
