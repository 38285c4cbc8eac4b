import type { z } from 'zod';

type Def = { type: string; innerType?: z.ZodType; out?: z.ZodType; shape?: Record<string, z.ZodType> };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** AWS's range for a numeric prop, read from the kind's zod schema so that each number is written
 *  once (in core/model/kinds). `path` walks nested objects: rangeOf(lambdaProps, 'asyncConfig', 'maximumRetryAttempts'). */
export function rangeOf(schema: z.ZodType, ...path: string[]): { min: number; max: number } {
  const key = path.join('.');
  const known = cache.get(schema)?.get(key);
  if (known) return known;
  const range = readRange(schema, path);
  (cache.get(schema) ?? cache.set(schema, new Map()).get(schema)!).set(key, range);
  return range;
}

/** Rules ask for the same ranges on every edit: read each one from the schema once. */
const cache = new WeakMap<z.ZodType, Map<string, { min: number; max: number }>>();

function readRange(schema: z.ZodType, path: string[]): { min: number; max: number } {
  let current: z.ZodType | undefined = schema;
  const unwrap = () => {
    for (let d = current && defOf(current); d && ['default', 'prefault', 'optional', 'nullable', 'pipe'].includes(d.type); d = current && defOf(current)) {
      current = d.type === 'pipe' ? d.out : d.innerType;
    }
  };
  for (const key of path) {
    unwrap();
    current = current && defOf(current).shape?.[key];
  }
  unwrap();
  const n = current as unknown as { minValue?: number | null; maxValue?: number | null } | undefined;
  if (!n || typeof n.minValue !== 'number' || typeof n.maxValue !== 'number') throw new Error(`rangeOf: ${path.join('.')} is not a bounded number`);
  return { min: n.minValue, max: n.maxValue };
}

/** What the analysis may use for one numeric field: AWS's inclusive range, whole numbers only or
 *  not, and a gap inside the range that AWS refuses (`-1` or `60 … 604800`: values strictly between
 *  `below` and `above` are refused). */
export interface NumberBound { min: number; max: number; integer: boolean; gap?: { below: number; above: number } }

/** Ranges with a gap, checked in the schema by a refinement marked `params: { range: true }`; the
 *  gap is written here once, next to the AWS page that states it. */
const RANGE_GAPS: Record<string, { below: number; above: number }> = {
  // -1 (records never expire) or 60 … 604,800 s:
  // https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html#lambda-CreateEventSourceMapping-request-MaximumRecordAgeInSeconds
  maximumRecordAgeSeconds: { below: -1, above: 60 },
};

type Check = { _zod: { def: { check?: string; params?: { range?: boolean } } } };

/** The bound of a number schema (its min, max, whole-number check and gap), or undefined when it
 *  has none (any finite number goes). `path` names the field, for RANGE_GAPS. */
export function numberBoundOf(schema: z.ZodType, path: readonly string[]): NumberBound | undefined {
  const n = schema as unknown as { minValue?: number | null; maxValue?: number | null; isInt?: boolean | null; _zod: { def: { checks?: Check[] } } };
  const min = typeof n.minValue === 'number' ? n.minValue : -Infinity;
  const max = typeof n.maxValue === 'number' ? n.maxValue : Infinity;
  const integer = n.isInt === true;
  if (min === -Infinity && max === Infinity && !integer) return undefined;
  const gapped = (n._zod.def.checks ?? []).some((c) => c._zod.def.check === 'custom' && c._zod.def.params?.range);
  const gap = gapped ? RANGE_GAPS[path[path.length - 1] ?? ''] : undefined;
  return { min, max, integer, ...(gap ? { gap } : {}) };
}

/** Upper bounds of the usage a profile enters (core/model/design.ts nodeUsageSchema): AWS sets no
 *  maximum on a month's requests or gigabytes, but the analysis multiplies them along every edge,
 *  and 1e308 (valid JSON) overflowed to Infinity in the traffic and cost maths (issue 13). Each
 *  bound is far beyond what any account can do, so no real design meets it; a value above it is a
 *  typing mistake and loads as a `range` problem, clamped like an AWS range. */
export const USAGE_LIMITS = {
  /** Requests (and messages, events, request units, connection minutes) a month: 10^15 is
   *  ~386 million a second all month, 38,000 times API Gateway's default account quota of 10,000
   *  requests a second (https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html),
   *  and below 2^53, so every count is still a whole number in the maths. */
  perMonth: 1e15,
  /** Gigabytes (stored, transferred, ingested, scanned) a month: 10^9 GB is an exabyte. S3 sets no
   *  limit on total storage (https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingBucket.html);
   *  an exabyte priced is some $20 million a month, beyond what a design review is about. */
  gigabytes: 1e9,
  /** KB of logs written per invocation: 10^6 KB (~1 GB). A log event is at most 256 KB and a
   *  PutLogEvents batch at most 1 MB
   *  (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html), and an
   *  invocation runs at most 900 s: a GB from one invocation is a typing mistake. */
  logKbPerInvocation: 1e6,
  /** Messages or writes one invocation sends along an edge: 10^6. A Lambda invocation runs at most
   *  900 s (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html); a million
   *  calls in that time is over 1,000 a second from one invocation. */
  perInvocation: 1e6,
} as const;

/** The largest monthly volume traffic propagation carries to a node or edge: 10^18. Each entered
 *  value is at most USAGE_LIMITS.perMonth, but fan-out and per-invocation writes multiply along a
 *  chain; a volume beyond this is capped (with a note), so no product overflows to Infinity. */
export const MAX_MONTHLY_VOLUME = 1e18;

/** Payload limits of each path into a Lambda function, in KB (1 MB = 1,024 KB), as AWS states them
 *  today; INV-04 checks a design's declared and average payload sizes against them. */
export const PAYLOAD_LIMITS_KB = {
  /** "For synchronous invocations, the maximum payload size is 6 MB. For asynchronous invocations, the
   *  maximum payload size is 1 MB." (raised from 256 KB in 2025) — request and response of a buffered
   *  invocation: https://docs.aws.amazon.com/lambda/latest/dg/API_Invoke.html */
  sync: 6 * 1024,
  async: 1024,
  /** A streamed response (function URL in RESPONSE_STREAM mode, or InvokeWithResponseStream): "The
   *  maximum response payload size is 200 MB" (20 MB before July 2025); the request stays at 6 MB:
   *  https://docs.aws.amazon.com/lambda/latest/dg/configuration-response-streaming.html */
  streamedResponse: 200 * 1024,
  /** An Application Load Balancer sends a Lambda target at most 1 MB of request body and takes at most
   *  1 MB of response JSON: https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html */
  albRequest: 1024,
  albResponse: 1024,
  /** API Gateway REST and HTTP APIs: payload size 10 MB (not adjustable) — looser than Lambda's 6 MB,
   *  which binds a Lambda integration: https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html,
   *  https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html */
  apiGateway: 10 * 1024,
  /** WebSocket APIs: message payload size 128 KB (frames of 32 KB): same limits.html page. */
  webSocketMessage: 128,
  /** An SQS message is at most 1 MiB (raised from 256 KiB in 2025):
   *  https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html */
  sqsMessage: 1024,
} as const;

/** The bound of a declared payload size (KB): 1 GiB, like a usage profile's average payload. It is far
 *  above every path's limit (the largest is a 200 MB streamed response), so a size too large for its
 *  path loads and INV-04 reports it on that path; a size beyond 1 GiB is a typing mistake and loads as
 *  a `range` problem, clamped for the analysis. */
export const PAYLOAD_SIZE_MAX_KB = 1048576;
