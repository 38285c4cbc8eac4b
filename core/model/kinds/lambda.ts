import { z } from 'zod';
import { placementProps } from '../account';
import { description, intIn, nodeRef } from '../fields';
import { PAYLOAD_SIZE_MAX_KB } from '../limits';
import { lambdaPermission } from '../permissions';

/** Runtimes Lambda accepts today (deprecated ones stay loadable so old designs open). */
export const LAMBDA_RUNTIMES = [
  'nodejs24.x', 'nodejs22.x', 'nodejs20.x', 'nodejs18.x',
  'python3.14', 'python3.13', 'python3.12', 'python3.11', 'python3.10', 'python3.9',
  'java25', 'java21', 'java17', 'java11', 'java8.al2',
  'dotnet10', 'dotnet8',
  'ruby3.4', 'ruby3.3',
  'provided.al2023', 'provided.al2',
] as const;

/** Values CloudWatch Logs accepts for a log group's retention. */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

// Ranges: rules-catalog §4 (CFG-01 memory, CFG-02 timeout, CFG-05 /tmp), §2 RETRY-02 (async config).
// Memory, timeout, /tmp and concurrency: https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
// Async retries and event age: https://docs.aws.amazon.com/lambda/latest/api/API_FunctionEventInvokeConfig.html
/** How a handler is made idempotent, when the user declares it (INV-12). */
export const IDEMPOTENCY_METHODS = ['powertools', 'idempotency-key', 'conditional-writes'] as const;

export const lambdaProps = z.looseObject({
  description: description(),
  /** Another account or Region than the design's (CFG-12); absent: the design's. */
  ...placementProps(),
  runtime: z.enum(LAMBDA_RUNTIMES).default('nodejs22.x'),
  packageType: z.enum(['Zip', 'Image']).default('Zip'),
  handler: z.string().default('index.handler'),
  architecture: z.enum(['x86_64', 'arm64']).default('x86_64'),
  memoryMb: intIn(128, 10240).default(128),
  timeoutSeconds: intIn(1, 900).default(3),
  ephemeralStorageMb: intIn(512, 10240).default(512),
  /** null: the function draws on the account's unreserved pool. */
  reservedConcurrency: intIn(0, 100000).nullable().default(null),
  /** Marks reserved concurrency 0 as an intended kill switch (CONC-02 becomes info). */
  killSwitch: z.boolean().default(false),
  provisionedConcurrency: intIn(0, 100000).default(0),
  /** Provisioned concurrency needs a published version or alias (CONC-03). */
  publish: z.looseObject({
    alias: z.string().regex(/^(?!^[0-9]+$)([a-zA-Z0-9-_]+)$/, { message: 'alias names use letters, digits, - and _, and are not all digits' }).nullable().default(null),
  }).prefault({}),
  asyncConfig: z.looseObject({
    maximumRetryAttempts: intIn(0, 2).default(2),
    maximumEventAgeSeconds: intIn(60, 21600).default(21600),
  }).prefault({}),
  recursiveLoop: z.enum(['Terminate', 'Allow']).default('Terminate'),
  environment: z.record(z.string(), z.string()).default({}),
  layers: z.array(z.string().min(1)).max(5).default([]),
  /** Deployment package sizes when known (CFG-04: 50 MB zipped upload, 250 MB unzipped with layers).
   *  At most 10,240 MB: the largest code Lambda runs is a 10 GB container image
   *  (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html); a .zip package over
   *  the .zip limits is CFG-04's finding, not a range problem. */
  codeSize: z.looseObject({
    zippedMb: z.number().min(0).max(10240).nullable().default(null),
    unzippedMb: z.number().min(0).max(10240).nullable().default(null),
  }).prefault({}),
  /** Attachment to the customer's VPC; null runs in the Lambda-managed network. */
  vpc: z.looseObject({
    subnets: z.array(nodeRef()).min(1),
    securityGroups: z.array(nodeRef()).min(1),
  }).nullable().default(null),
  /** The log group node the function sends its logs to (LoggingConfig.LogGroup); null: its own
   *  /aws/lambda/<name> group, whose retention is `logRetentionDays` (ignored when this is set). */
  logGroup: nodeRef().nullable().default(null),
  /** null: log group never expires (COST-06). */
  logRetentionDays: z.union(LOG_RETENTION_DAYS.map((d) => z.literal(d)) as [z.ZodLiteral<number>, z.ZodLiteral<number>, ...z.ZodLiteral<number>[]]).nullable().default(null),
  /** Resource-based policy statements for invokers the design does not draw as edges (another
   *  account's topic, a service with no node): AWS::Lambda::Permission. Triggers drawn as edges get
   *  theirs from the exporter (CFG-10 checks both). Absent (an empty list reads as absent): none. */
  permissions: z.preprocess((v) => (Array.isArray(v) && v.length === 0 ? undefined : v), z.array(lambdaPermission).optional()),
  /** The largest response the function returns, in KB, and whether its callers stream it (a function
   *  URL in RESPONSE_STREAM mode, or InvokeWithResponseStream: 200 MB instead of 6 MB). INV-04 checks
   *  the size against each synchronous path's limit. Absent: not known. */
  maxResponseKb: z.number().min(0).max(PAYLOAD_SIZE_MAX_KB).optional(),
  responseStreaming: z.boolean().optional(),
  /** The handler returns partial batch failures and stops at the first failure on FIFO (INV-13). */
  stopsAtFirstFailure: z.boolean().default(true),
  /** Declared by the user (issue 14): the handler is idempotent, and how — Powertools' idempotency
   *  utility, a stable idempotency key checked before each side effect, or conditional writes
   *  (https://docs.aws.amazon.com/lambda/latest/dg/invocation-retries.html, "make sure your
   *  function code is idempotent"). INV-12's duplicate-delivery advisory stays quiet for it.
   *  Absent or null: not declared. */
  idempotency: z.enum(IDEMPOTENCY_METHODS).nullable().optional(),
  /** Where or how, in the user's words (the table keyed on, the Powertools persistence layer …). */
  idempotencyNote: z.string().max(1000).nullable().optional(),
});

export type LambdaProps = z.output<typeof lambdaProps>;

export const lambdaKind = {
  kind: 'lambda',
  label: 'Lambda function',
  category: 'compute',
  props: lambdaProps,
} as const;
