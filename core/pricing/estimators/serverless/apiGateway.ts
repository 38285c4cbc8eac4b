import { dec } from '../../money';
import type { Estimator } from '../../types';
import { chunkedUnits, fmt, inflows, type Line, noTraffic, transferLines, unpriced } from './support';

/** HTTP APIs meter requests in 512 KB increments (APIGW-PAGE example 2: "4.5 MB/512 KB/request";
 *  https://aws.amazon.com/api-gateway/pricing/). */
const HTTP_INCREMENT_KB = 512;
/** WebSocket messages are metered in 32 KB increments: "a 33 KB message is metered as two messages". */
const WEBSOCKET_INCREMENT_KB = 32;

/** API Gateway: requests (HTTP in 512 KB increments, REST tiers), WebSocket messages (32 KB
 *  increments) and connection minutes, the REST cache per hour, and data transfer out entered at the
 *  API. Requests are the API's volume (entered at it); the payload is its `avgPayloadKb`.
 *
 *  Decisions: the 12-month free tier (P33) is never applied (catalog convention); private APIs have
 *  no data-transfer-out charge (the page: "There are no data transfer out charges for Private APIs";
 *  their interface endpoint is priced by the VPC endpoint estimator); DTO is tiered across the design
 *  (P116), so the page's 15 B-call REST example gives $4,824.63, not its flat $5,149.84 (pricing.md
 *  "Conflicts"). WebSocket connection minutes are not derived from messages: they come from the API's
 *  usage field `connectionMinutesPerMonth`, and are unpriced (with that reason) when it is absent. */
export const estimateApiGateway: Estimator = (ctx, node) => {
  if (node.kind !== 'apiGateway') return [];
  const p = node.props;
  const flows = inflows(ctx, node);
  const lines: Line[] = [];
  if (p.apiType === 'http') {
    const { quantity, from } = chunkedUnits(flows, HTTP_INCREMENT_KB, noTraffic(node));
    lines.push(ctx.line(node, 'Requests', 'apigateway.http.requests', quantity, from));
  } else if (p.apiType === 'rest') {
    const { quantity, from } = chunkedUnits(flows, null, noTraffic(node));
    lines.push(ctx.line(node, 'Requests', 'apigateway.rest.requests', quantity, from));
    if (p.cacheSizeGb !== null) {
      const key = `apigateway.rest.cache.${p.cacheSizeGb}`;
      const hours = `${p.cacheSizeGb} GB cache provisioned × ${ctx.hoursPerMonth} h (configuration)`;
      lines.push(ctx.price(key)
        ? ctx.line(node, `Cache (${p.cacheSizeGb} GB)`, key, dec(ctx.hoursPerMonth), hours)
        : unpriced(node, `Cache (${p.cacheSizeGb} GB)`, `the ${ctx.region} catalog has no hourly price for a ${p.cacheSizeGb} GB cache: the stored API Gateway page quotes only the 1.6 GB size (pricing.md P32)`));
    }
  } else {
    const { quantity, from } = chunkedUnits(flows, WEBSOCKET_INCREMENT_KB, noTraffic(node));
    lines.push(ctx.line(node, 'Messages', 'apigateway.websocket.messages', quantity, from));
    const minutes = ctx.usage(node.id).connectionMinutesPerMonth;
    lines.push(typeof minutes === 'number' && minutes >= 0
      ? ctx.line(node, 'Connection minutes', 'apigateway.websocket.connectionMinutes', dec(minutes), `${fmt(minutes)} connection minutes a month entered at "${node.name}"`)
      : unpriced(node, 'Connection minutes', 'enter connectionMinutesPerMonth in the usage profile: connection time cannot be derived from message counts'));
  }
  if (p.endpointType !== 'private') lines.push(...transferLines(ctx, node));
  return lines;
};
